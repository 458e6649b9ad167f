/**
 * The modern-auth track of one profile as React state: main's view of it (registration, sign-in, hand-over) plus
 * the outcome of the last sign-in attempt and connection test. Tokens never come here; only facts about them.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SignInDiagnosis } from '../../../../main/shared/oauth/aadsts';
import type { OAuthRegistrationInput } from '../../../../main/shared/oauth/registration';
import type { OAuthState, Track } from '../../../../main/shared/oauth/state';
import type { OAuthTestResult } from '../../../../main/shared/ipc/channels/oauth';
import type { IpcError } from '../../../../main/shared/ipc/result';
import { assistant } from '../../bridge/assistant';
import { call } from '../../bridge/call';

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
  const d = (error.details ?? {}) as { diagnosis?: SignInDiagnosis; signedInAs?: string | null; expected?: string; text?: { de: string; en: string } };
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
  const [state, setState] = useState<OAuthState>();
  const [busy, setBusy] = useState<Busy>(null);
  const [signInFailure, setSignInFailure] = useState<OAuthFailure | null>(null);
  const [signInUrl, setSignInUrl] = useState<string | null>(null);
  const [test, setTest] = useState<OAuthTestResult | null>(null);
  const [testFailure, setTestFailure] = useState<OAuthFailure | null>(null);

  /** Callers key the component using this hook by profile, so state never carries over between profiles. */
  const refresh = useCallback(async () => {
    if (!profileId) return;
    const r = await call(() => assistant.getOAuthState({ profileId }), { quiet: true });
    if (r.ok) setState(r.value);
  }, [profileId]);

  useEffect(() => {
    if (!profileId) return;
    let alive = true;
    void call(() => assistant.getOAuthState({ profileId }), { quiet: true }).then((r) => {
      if (alive && r.ok) setState(r.value);
    });
    return () => {
      alive = false;
    };
  }, [profileId]);

  useEffect(
    () =>
      assistant.on('oauthSignInStarted', (e) => {
        if (e.profileId === profileId) setSignInUrl(e.url);
      }),
    [profileId],
  );

  const chooseTrack = useCallback(
    async (track: Track) => {
      if (!profileId) return false;
      const r = await call(() => assistant.setAuthTrack({ profileId, track }));
      if (r.ok) setState(r.value);
      return r.ok;
    },
    [profileId],
  );

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
      const issues = ((r.error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? []).map((i) => ({
        field: i.path[0] ?? '',
        code: i.message,
      }));
      return { ok: false as const, issues };
    },
    [profileId],
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
  }, [profileId, refresh]);

  const cancelSignIn = useCallback(async () => {
    if (profileId) await call(() => assistant.cancelOAuthSignIn({ profileId }), { quiet: true });
  }, [profileId]);

  const runTest = useCallback(
    async (forceRefresh = false) => {
      if (!profileId) return;
      setBusy('test');
      setTestFailure(null);
      setTest(null);
      const r = await call(() => assistant.testOAuthConnection({ profileId, forceRefresh }), { quiet: true });
      setBusy(null);
      if (r.ok) setTest(r.value);
      else setTestFailure(failureOf(r.error));
      await refresh();
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
  }, [profileId]);

  return { state, busy, signInFailure, signInUrl, test, testFailure, refresh, chooseTrack, saveRegistration, signIn, cancelSignIn, runTest, signOut };
}

export type OAuthController = ReturnType<typeof useOAuth>;
