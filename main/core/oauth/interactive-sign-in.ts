/**
 * The interactive part of the sign-in, authorization code + PKCE, entirely through MSAL:
 * - system browser: MSAL's loopback listener on 127.0.0.1 (`http://localhost:<port>`, form_post, state checked);
 * - embedded window: MSAL builds the authorize URL for the `nativeclient` redirect, the host window intercepts that
 *   redirect (see shared/oauth/redirect.ts) and MSAL redeems the code.
 * Both end within the timeout or on cancel, and fail with a SignInProblem that carries the diagnosis.
 */
import { randomUUID } from 'node:crypto';

import { type AuthenticationResult, CryptoProvider, type PublicClientApplication } from '@azure/msal-node';
import { diagnoseAadsts, diagnoseLocal, diagnoseOAuthError, type SignInDiagnosis } from '@shared/oauth/aadsts';
import { NATIVE_CLIENT_REDIRECT, SIGN_IN_SCOPES, type SignInMode } from '@shared/oauth/constants';
import { type AuthResponse, stateMatches } from '@shared/oauth/redirect';

import { loopbackPages } from './loopback-pages';
import { diagnoseMsalError } from './msal-errors';

/** How the embedded window ended: with the intercepted redirect, or closed (possibly on a Microsoft error page). */
export type EmbeddedOutcome =
  { kind: 'redirect'; response: AuthResponse } | { kind: 'closed'; pageAadsts?: number; pageMessage?: string };

/** Implemented by the Electron edge (main/electron/oauth-window.ts); absent in the browser harness. */
export interface EmbeddedSignInPort {
  run(authUrl: string, redirectUri: string, signal: AbortSignal): Promise<EmbeddedOutcome>;
}

export class SignInProblem extends Error {
  constructor(readonly diagnosis: SignInDiagnosis) {
    super(diagnosis.code);
    this.name = 'SignInProblem';
  }
}

export interface InteractiveSignInOptions {
  pca: PublicClientApplication;
  mode: SignInMode;
  /** Pre-fills the account field on Microsoft's page. */
  loginHint?: string;
  signal: AbortSignal;
  timeoutMs: number;
  /** Opens the system browser (Platform.openExternal). */
  openBrowser: (url: string) => Promise<void>;
  embedded?: EmbeddedSignInPort;
}

type Ending = 'cancelled' | 'timeout';

/** Resolves when the sign-in should stop waiting: the caller cancelled or the timeout ran out. */
function ending(signal: AbortSignal, timeoutMs: number): { promise: Promise<Ending>; dispose(): void } {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const promise = new Promise<Ending>((resolve) => {
    onAbort = () => resolve('cancelled');
    if (signal.aborted) return resolve('cancelled');
    signal.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  return {
    promise,
    dispose() {
      clearTimeout(timer);
      if (onAbort) signal.removeEventListener('abort', onAbort);
    },
  };
}

/** A promise as a value, so losing a race never leaves an unhandled rejection behind. */
const settle = <T>(p: Promise<T>): Promise<{ kind: 'done'; value: T } | { kind: 'failed'; err: unknown }> =>
  p.then(
    (value) => ({ kind: 'done' as const, value }),
    (err: unknown) => ({ kind: 'failed' as const, err }),
  );

const endingDiagnosis = (e: Ending): SignInDiagnosis => diagnoseLocal(e === 'timeout' ? 'TIMEOUT' : 'USER_CANCELLED');

export async function interactiveSignIn(opts: InteractiveSignInOptions): Promise<AuthenticationResult> {
  if (opts.mode === 'embedded') return embeddedSignIn(opts);
  return systemBrowserSignIn(opts);
}

/**
 * MSAL's interactive call has no cancel. To stop it without leaving its loopback listener open, the assistant
 * answers the listener itself with a "cancelled" response carrying the state from the authorize URL; MSAL then
 * fails, closes the listener and returns.
 */
async function releaseLoopback(authUrl: string): Promise<void> {
  const url = new URL(authUrl);
  const redirect = url.searchParams.get('redirect_uri');
  const state = url.searchParams.get('state');
  if (!redirect || !state || !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(redirect)) return;
  const target = new URL(redirect);
  target.hostname = '127.0.0.1';
  const body = new URLSearchParams({ error: 'access_denied', error_subcode: 'cancel', state });
  await fetch(target, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).catch(
    () => undefined,
  );
}

async function systemBrowserSignIn(opts: InteractiveSignInOptions): Promise<AuthenticationResult> {
  let authUrl: string | undefined;
  let opened: () => void = () => {};
  const browserOpened = new Promise<void>((resolve) => (opened = resolve));
  const stop = ending(opts.signal, opts.timeoutMs);
  const pages = loopbackPages();
  const interactive = opts.pca.acquireTokenInteractive({
    scopes: [...SIGN_IN_SCOPES],
    prompt: 'select_account',
    ...(opts.loginHint ? { loginHint: opts.loginHint } : {}),
    successTemplate: pages.success,
    errorTemplate: pages.error,
    openBrowser: async (url) => {
      authUrl = url;
      opened();
      await opts.openBrowser(url);
    },
  });
  try {
    const first = await Promise.race([settle(interactive), stop.promise.then((e) => ({ kind: 'ending' as const, e }))]);
    if (first.kind === 'done') return first.value;
    if (first.kind === 'failed') throw first.err;
    // Wait (briefly) for MSAL to have opened its listener, then release it and let the call unwind.
    await Promise.race([browserOpened, interactive.catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    if (authUrl) await releaseLoopback(authUrl);
    await interactive.catch(() => undefined);
    throw new SignInProblem(endingDiagnosis(first.e));
  } catch (err) {
    if (err instanceof SignInProblem) throw err;
    throw new SignInProblem(diagnoseMsalError(err));
  } finally {
    stop.dispose();
  }
}

async function embeddedSignIn(opts: InteractiveSignInOptions): Promise<AuthenticationResult> {
  if (!opts.embedded)
    throw new SignInProblem(diagnoseLocal('SIGN_IN_FAILED', 'The embedded sign-in window is not available here.'));
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const state = randomUUID();
  const nonce = randomUUID();
  const scopes = [...SIGN_IN_SCOPES];
  const redirectUri = NATIVE_CLIENT_REDIRECT;
  const stop = ending(opts.signal, opts.timeoutMs);
  const windowControl = new AbortController();
  try {
    const authUrl = await opts.pca
      .getAuthCodeUrl({
        scopes,
        redirectUri,
        codeChallenge: challenge,
        codeChallengeMethod: 'S256',
        state,
        nonce,
        prompt: 'select_account',
        ...(opts.loginHint ? { loginHint: opts.loginHint } : {}),
      })
      .catch((err: unknown) => {
        throw new SignInProblem(diagnoseMsalError(err));
      });
    const first = await Promise.race([
      settle(opts.embedded.run(authUrl, redirectUri, windowControl.signal)),
      stop.promise.then((e) => ({ kind: 'ending' as const, e })),
    ]);
    if (first.kind === 'ending') throw new SignInProblem(endingDiagnosis(first.e));
    if (first.kind === 'failed')
      throw new SignInProblem(
        diagnoseLocal('WINDOW_CLOSED', first.err instanceof Error ? first.err.message : undefined),
      );
    const outcome = first.value;
    if (outcome.kind === 'closed') {
      throw new SignInProblem(
        outcome.pageAadsts !== undefined
          ? diagnoseAadsts(outcome.pageAadsts, outcome.pageMessage)
          : diagnoseLocal('WINDOW_CLOSED'),
      );
    }
    const { response } = outcome;
    if (!stateMatches(response, state)) throw new SignInProblem(diagnoseLocal('STATE_MISMATCH'));
    if (response.error || !response.code) {
      throw new SignInProblem(
        diagnoseOAuthError(response.error ?? 'no_code', response.errorDescription, response.errorSubcode),
      );
    }
    return await opts.pca
      .acquireTokenByCode(
        { code: response.code, codeVerifier: verifier, redirectUri, scopes, state, nonce },
        { code: response.code, state: response.state },
      )
      .catch((err: unknown) => {
        throw new SignInProblem(diagnoseMsalError(err));
      });
  } finally {
    windowControl.abort();
    stop.dispose();
  }
}
