/**
 * The modern-auth track of one profile: main's view of it (registration, sign-in, hand-over), shared through the
 * wizard's state because it also decides the step list, plus the outcome of this page's last sign-in attempt and
 * connection test. Tokens never come here; only facts about them.
 */
import { assistant } from '@renderer/bridge/assistant';
import { call } from '@renderer/bridge/call';
import type { OAuthTestResult } from '@shared/ipc/channels/oauth';
import type { IpcError } from '@shared/ipc/result';
import type { SignInDiagnosis } from '@shared/oauth/aadsts';
import type { OAuthRegistrationInput } from '@shared/oauth/registration';
import { useCallback, useEffect, useState } from 'react';

import { useWizard } from '../state/wizard-context';

/** A failed sign-in or token renewal: the diagnosis when main sent one, else the plain IPC error. */
export interface OAuthFailure {
  code: string;
  diagnosis?: SignInDiagnosis;
  signedInAs?: string | null;
  expected?: string;
  /** Localized text main attached (keychain errors). */
  text?: { de: string; en: string };
  message: string;
}

export function failureOf(error: IpcError): OAuthFailure {
  const d = (error.details ?? {}) as {
    diagnosis?: SignInDiagnosis;
    signedInAs?: string | null;
    expected?: string;
    text?: { de: string; en: string };
  };
  return {
    code: error.code,
    message: error.message,
    ...(d.diagnosis ? { diagnosis: d.diagnosis } : {}),
    ...(d.signedInAs !== undefined ? { signedInAs: d.signedInAs } : {}),
    ...(d.expected ? { expected: d.expected } : {}),
    ...(d.text ? { text: d.text } : {}),
  };
}

export type Busy = 'save' | 'signIn' | 'test' | 'signOut' | null;

export function useOAuth(profileId: string | undefined) {
  const wizard = useWizard();
  // The wizard loads it with the active profile; callers key their component by profile.
  const state = wizard.oauth?.profileId === profileId ? wizard.oauth : undefined;
  const setState = wizard.setOAuth;
  const [busy, setBusy] = useState<Busy>(null);
  const [signInFailure, setSignInFailure] = useState<OAuthFailure | null>(null);
  const [signInUrl, setSignInUrl] = useState<string | null>(null);
  const [test, setTest] = useState<OAuthTestResult | null>(null);
  const [testFailure, setTestFailure] = useState<OAuthFailure | null>(null);

  const refresh = useCallback(async () => {
    if (!profileId) return;
    const r = await call(() => assistant.getOAuthState({ profileId }), { quiet: true });
    if (r.ok) setState(r.value);
  }, [profileId, setState]);

  useEffect(
    () =>
      assistant.on('oauthSignInStarted', (e) => {
        if (e.profileId === profileId) setSignInUrl(e.url);
      }),
    [profileId],
  );

  const { chooseTrack } = wizard;

  const saveRegistration = useCallback(
    async (input: Required<OAuthRegistrationInput>) => {
      if (!profileId) return { ok: false as const, issues: [] };
      setBusy('save');
      const r = await call(() => assistant.saveOAuthRegistration({ profileId, ...input }), { quiet: true });
      setBusy(null);
      if (r.ok) {
        setState(r.value);
        return { ok: true as const, issues: [] };
      }
      const issues = (
        (r.error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? []
      ).map((i) => ({
        field: i.path[0] ?? '',
        code: i.message,
      }));
      return { ok: false as const, issues };
    },
    [profileId, setState],
  );

  const signIn = useCallback(async () => {
    if (!profileId) return;
    setBusy('signIn');
    setSignInFailure(null);
    setSignInUrl(null);
    setTest(null);
    setTestFailure(null);
    const r = await call(() => assistant.startOAuthSignIn({ profileId }), { quiet: true });
    setBusy(null);
    if (r.ok) setState(r.value);
    else setSignInFailure(failureOf(r.error));
    await refresh();
  }, [profileId, refresh, setState]);

  const cancelSignIn = useCallback(async () => {
    if (profileId) await call(() => assistant.cancelOAuthSignIn({ profileId }), { quiet: true });
  }, [profileId]);

  /** Resolves with the test's outcome (null when it could not run: no sign-in, a dead token, a keychain error). */
  const runTest = useCallback(
    async (forceRefresh = false): Promise<OAuthTestResult | null> => {
      if (!profileId) return null;
      setBusy('test');
      setTestFailure(null);
      setTest(null);
      const r = await call(() => assistant.testOAuthConnection({ profileId, forceRefresh }), { quiet: true });
      setBusy(null);
      if (r.ok) setTest(r.value);
      else setTestFailure(failureOf(r.error));
      await refresh();
      return r.ok ? r.value : null;
    },
    [profileId, refresh],
  );

  const signOut = useCallback(async () => {
    if (!profileId) return false;
    setBusy('signOut');
    const r = await call(() => assistant.signOutOAuth({ profileId }));
    setBusy(null);
    if (r.ok) {
      setState(r.value);
      setTest(null);
    }
    return r.ok;
  }, [profileId, setState]);

  return {
    state,
    busy,
    signInFailure,
    signInUrl,
    test,
    testFailure,
    refresh,
    chooseTrack,
    saveRegistration,
    signIn,
    cancelSignIn,
    runTest,
    signOut,
  };
}

export type OAuthController = ReturnType<typeof useOAuth>;
