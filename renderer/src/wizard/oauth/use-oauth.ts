/**
 * The modern-auth page of one connection: main's view of it (registration, sign-in, hand-over) plus what this
 * page's last command came back with — a failed sign-in or test with its diagnosis. Tokens never come here; only
 * facts about them.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { IpcError } from '@shared/ipc/result';
import type { SignInDiagnosis } from '@shared/oauth/aadsts';
import type { OAuthRegistrationInput } from '@shared/oauth/registration';
import { useCallback, useState } from 'react';

import { useActive } from '../state/view-lookup';

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

export function useOAuth(profileId: string) {
  const active = useActive();
  const mine = active?.profile.id === profileId ? active : undefined;
  const [busy, setBusy] = useState<Busy>(null);
  const [signInFailure, setSignInFailure] = useState<OAuthFailure | null>(null);
  const [testFailure, setTestFailure] = useState<OAuthFailure | null>(null);

  const saveRegistration = useCallback(
    async (input: Required<OAuthRegistrationInput>) => {
      setBusy('save');
      const r = await wizard.saveOAuthIds({ profileId, ...input }, { quiet: true });
      setBusy(null);
      if (r.ok) return { ok: true as const, issues: [] };
      const issues = (
        (r.error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? []
      ).map((i) => ({ field: i.path[0] ?? '', code: i.message }));
      return { ok: false as const, issues };
    },
    [profileId],
  );

  const signIn = useCallback(async () => {
    setBusy('signIn');
    setSignInFailure(null);
    setTestFailure(null);
    const r = await wizard.signIn({ profileId }, { quiet: true });
    setBusy(null);
    if (!r.ok) setSignInFailure(failureOf(r.error));
  }, [profileId]);

  const cancelSignIn = useCallback(async () => {
    await wizard.cancelSignIn({ profileId }, { quiet: true });
  }, [profileId]);

  const runTest = useCallback(
    async (forceRefresh = false) => {
      setBusy('test');
      setTestFailure(null);
      const r = await wizard.testOAuthConnection({ profileId, forceRefresh }, { quiet: true });
      setBusy(null);
      if (!r.ok) setTestFailure(failureOf(r.error));
    },
    [profileId],
  );

  const signOut = useCallback(async () => {
    setBusy('signOut');
    await wizard.signOut({ profileId });
    setBusy(null);
  }, [profileId]);

  return {
    state: mine?.oauth ?? undefined,
    /** The last XOAUTH2 test of this connection (with the token's facts when it ran in this session). */
    lastTest: mine?.lastTests.xoauth2 ?? null,
    signInUrl: mine?.signInUrl ?? null,
    busy,
    signInFailure,
    testFailure,
    saveRegistration,
    signIn,
    cancelSignIn,
    runTest,
    signOut,
  };
}

export type OAuthController = ReturnType<typeof useOAuth>;
