/**
 * The modern-authentication track for all profiles: registration, interactive sign-in, silent refresh, the
 * XOAUTH2 connection test, sign-out. One MSAL client per profile holds the tokens in memory; its cache plugin keeps
 * only the refresh token (with its account record) in the keychain.
 */
import { createHash } from 'node:crypto';

import type { AuthenticationResult, INetworkModule, PublicClientApplication } from '@azure/msal-node';
import { AppError } from '@shared/ipc/result';
import { diagnoseLocal } from '@shared/oauth/aadsts';
import { checkSignedInAccount, type IdentityClaims } from '@shared/oauth/account-match';
import { REFRESH_SCOPES, SIGN_IN_TIMEOUT_MS } from '@shared/oauth/constants';
import { handoverValues } from '@shared/oauth/handover';
import type { OAuthRegistration } from '@shared/oauth/registration';
import type { OAuthState, OAuthTestResult, SignInStartedEvent, Track } from '@shared/oauth/state';
import { recommendTrack } from '@shared/oauth/track';
import type { ProbeReport } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';
import type { Profile } from '@shared/profile/profile';
import type { KeychainErrorCode } from '@shared/profile/secrets';

import type { ProbeOptions } from '../imap/probe';
import type { Logger } from '../log/logger';
import type { CredentialVault } from '../vault/credential-vault';
import { type AuthorityConfig, isAuthorityUrl } from './authority';
import { explainAuthorityFailure, networkGet } from './authority-check';
import { persistableCache } from './cache-filter';
import { type EmbeddedSignInPort, interactiveSignIn, SignInProblem } from './interactive-sign-in';
import { createKeychainCachePlugin, type KeychainCachePlugin } from './keychain-cache-plugin';
import { createMsalClient } from './msal-client';
import { diagnosisError, signInError } from './msal-errors';
import { type OAuthEntry, openRegistrationStore, type RegistrationStore } from './registration-store';
import { profileCacheSlot } from './secret-slot';
import { tokenFacts } from './token-facts';

export type RunProbe = (input: ProbeInput, options?: ProbeOptions) => Promise<ProbeReport>;

export interface OAuthServiceOptions {
  dataDir: string;
  authority: AuthorityConfig;
  vault: CredentialVault;
  profiles: { requireProfile(id: string): Profile };
  runProbe: RunProbe;
  openBrowser: (url: string) => Promise<void>;
  embedded?: EmbeddedSignInPort;
  /** Extra options for the XOAUTH2 probe (tests add their CA). */
  probeOptions?: Omit<ProbeOptions, 'signal' | 'onStage'>;
  networkClient?: INetworkModule;
  log?: Logger;
  now?: () => Date;
  signInTimeoutMs?: number;
  /** The per-profile track data (oauth.json), when the composition root shares it with profile export/import. */
  registrations?: RegistrationStore;
}

export interface AccessToken {
  token: string;
  expiresOn: Date | null;
  refreshed: boolean;
  username: string;
}

export interface OAuthService {
  state(profileId: string): Promise<OAuthState>;
  setTrack(profileId: string, track: Track): Promise<OAuthState>;
  saveRegistration(profileId: string, registration: OAuthRegistration): Promise<OAuthState>;
  signIn(profileId: string, onStarted?: (e: SignInStartedEvent) => void): Promise<OAuthState>;
  cancelSignIn(profileId: string): boolean;
  /** A valid access token, renewed silently when needed. Fails with OAUTH_SIGN_IN_REQUIRED / OAUTH_REFRESH_EXPIRED / … */
  accessToken(profileId: string, opts?: { forceRefresh?: boolean }): Promise<AccessToken>;
  test(profileId: string, opts?: { forceRefresh?: boolean; signal?: AbortSignal }): Promise<OAuthTestResult>;
  signOut(profileId: string): Promise<{ removed: boolean }>;
  /** Drops everything the track knows about a deleted profile (keychain entry included). */
  forgetProfile(profileId: string): Promise<void>;
  dispose(): Promise<void>;
}

interface Session {
  key: string;
  pca: PublicClientApplication;
  plugin: KeychainCachePlugin;
  accessTokenExpiresAt: Date | null;
  /** Fingerprint of the last access token handed out, to tell a renewed token from the cached one. */
  lastTokenHash: string | null;
}

// MSAL's `fromCache` flag is not reliable across its versions; comparing fingerprints is.
const fingerprint = (token: string): string => createHash('sha256').update(token).digest('base64url');

const sessionKey = (r: Pick<OAuthRegistration, 'tenant' | 'clientId'>) => `${r.tenant}|${r.clientId}`;

const keychainProblemOf = (err: unknown): OAuthState['keychainProblem'] =>
  err instanceof AppError && err.code.startsWith('KEYCHAIN_')
    ? { code: err.code as KeychainErrorCode, message: err.message }
    : err === undefined
      ? undefined
      : { code: 'KEYCHAIN_FAILED', message: 'The keychain could not store the sign-in.' };

/** The embedded port, telling the renderer when the window opens. */
const announced = (port: EmbeddedSignInPort, onOpen: (url: string) => void): EmbeddedSignInPort => ({
  run(url, redirectUri, signal) {
    onOpen(url);
    return port.run(url, redirectUri, signal);
  },
});

export function createOAuthService(opts: OAuthServiceOptions): OAuthService {
  const now = opts.now ?? (() => new Date());
  const registrations = opts.registrations ?? openRegistrationStore(opts.dataDir);
  const sessions = new Map<string, Session>();
  const inFlight = new Map<string, AbortController>();

  const clientFor = (registration: OAuthRegistration, cachePlugin?: KeychainCachePlugin) =>
    createMsalClient({
      authority: opts.authority,
      registration,
      ...(cachePlugin ? { cachePlugin } : {}),
      ...(opts.networkClient ? { networkClient: opts.networkClient } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });

  function sessionFor(profileId: string, registration: OAuthRegistration): Session {
    const key = sessionKey(registration);
    const existing = sessions.get(profileId);
    if (existing?.key === key) return existing;
    const plugin = createKeychainCachePlugin(profileCacheSlot(opts.vault, registrations, profileId));
    const session: Session = {
      key,
      pca: clientFor(registration, plugin),
      plugin,
      accessTokenExpiresAt: null,
      lastTokenHash: null,
    };
    sessions.set(profileId, session);
    return session;
  }

  const requireRegistration = (profileId: string): { entry: OAuthEntry; registration: OAuthRegistration } => {
    const entry = registrations.get(profileId);
    if (!entry.registration) {
      throw new AppError('OAUTH_NOT_REGISTERED', 'Enter the app registration (tenant and client ID) first.');
    }
    return { entry, registration: entry.registration };
  };

  async function state(profileId: string): Promise<OAuthState> {
    const profile = opts.profiles.requireProfile(profileId);
    const entry = registrations.get(profileId);
    const session = sessions.get(profileId);
    const status = await opts.vault.status(profileId, 'oauth-refresh-token');
    const inMemoryOnly = session?.plugin.writeProblem !== undefined && entry.account !== null;
    const signedIn = (status.saved || inMemoryOnly) && entry.account !== null;
    const keychainProblem = keychainProblemOf(session?.plugin.writeProblem) ?? status.keychainProblem;
    return {
      profileId,
      track: entry.track,
      recommendedTrack: recommendTrack(profile.host),
      registration: entry.registration,
      embeddedAvailable: opts.embedded !== undefined,
      signedIn,
      account:
        signedIn && entry.account ? { username: entry.account.username, signedInAt: entry.account.signedInAt } : null,
      storage: signedIn ? (status.saved ? (status.storage ?? 'keychain') : 'session') : null,
      ...(keychainProblem ? { keychainProblem } : {}),
      accessTokenExpiresAt: signedIn ? (session?.accessTokenExpiresAt?.toISOString() ?? null) : null,
      signInInProgress: inFlight.has(profileId),
      handover: entry.registration
        ? handoverValues({
            registration: entry.registration,
            authorityHost: opts.authority.host,
            host: profile.host,
            port: profile.port,
            security: profile.security,
            user: profile.mailboxUser,
          })
        : null,
    };
  }

  async function signOut(profileId: string): Promise<{ removed: boolean }> {
    opts.profiles.requireProfile(profileId);
    inFlight.get(profileId)?.abort();
    sessions.delete(profileId);
    const { removed } = await opts.vault.delete(profileId, 'oauth-refresh-token');
    const entry = registrations.get(profileId);
    if (entry.account || entry.cacheSkeleton) registrations.update(profileId, { account: null, cacheSkeleton: null });
    return { removed };
  }

  /** Keeps the new sign-in: refresh token to the keychain, tokens in memory, the account in oauth.json. */
  async function adoptSignIn(
    profileId: string,
    registration: OAuthRegistration,
    result: AuthenticationResult,
    throwaway: PublicClientApplication,
    username: string,
  ) {
    const serialized = throwaway.getTokenCache().serialize();
    if (!persistableCache(serialized) || !result.account) {
      // Without offline_access there is no refresh token: every test would need a new interactive sign-in.
      throw diagnosisError(
        diagnoseLocal('SIGN_IN_FAILED', 'Microsoft returned no refresh token (is offline_access granted?).'),
      );
    }
    const plugin = createKeychainCachePlugin(profileCacheSlot(opts.vault, registrations, profileId));
    await plugin.adopt(serialized);
    const pca = clientFor(registration, plugin);
    sessions.set(profileId, {
      key: sessionKey(registration),
      pca,
      plugin,
      accessTokenExpiresAt: result.expiresOn ?? null,
      lastTokenHash: fingerprint(result.accessToken),
    });
    registrations.update(profileId, {
      account: { username, homeAccountId: result.account.homeAccountId, signedInAt: now().toISOString() },
    });
  }

  async function accessToken(profileId: string, o: { forceRefresh?: boolean } = {}): Promise<AccessToken> {
    opts.profiles.requireProfile(profileId);
    const { entry, registration } = requireRegistration(profileId);
    if (!entry.account) throw diagnosisError(diagnoseLocal('SIGN_IN_REQUIRED'));
    const session = sessionFor(profileId, registration);
    let accounts;
    try {
      accounts = await session.pca.getTokenCache().getAllAccounts();
    } catch (err) {
      throw signInError(err);
    }
    const account = accounts.find((a) => a.homeAccountId === entry.account?.homeAccountId);
    if (!account) throw diagnosisError(diagnoseLocal('SIGN_IN_REQUIRED'));
    try {
      const result = await session.pca.acquireTokenSilent({
        account,
        scopes: [...REFRESH_SCOPES],
        forceRefresh: o.forceRefresh === true,
      });
      session.accessTokenExpiresAt = result.expiresOn ?? null;
      const hash = fingerprint(result.accessToken);
      const refreshed = hash !== session.lastTokenHash;
      session.lastTokenHash = hash;
      return {
        token: result.accessToken,
        expiresOn: result.expiresOn ?? null,
        refreshed,
        username: entry.account.username,
      };
    } catch (err) {
      const error = signInError(err);
      // A dead refresh token is useless; removing it makes "signed out, please sign in again" the honest state.
      if (error.code === 'OAUTH_REFRESH_EXPIRED') await signOut(profileId).catch(() => undefined);
      throw error;
    }
  }

  return {
    state,

    async setTrack(profileId, track) {
      opts.profiles.requireProfile(profileId);
      registrations.update(profileId, { track });
      return state(profileId);
    },

    async saveRegistration(profileId, registration) {
      opts.profiles.requireProfile(profileId);
      const before = registrations.get(profileId).registration;
      // A refresh token belongs to one app in one tenant; with other IDs it can only fail.
      if (before && sessionKey(before) !== sessionKey(registration)) await signOut(profileId);
      registrations.update(profileId, { registration, track: registrations.get(profileId).track ?? 'modern-auth' });
      return state(profileId);
    },

    async signIn(profileId, onStarted) {
      const profile = opts.profiles.requireProfile(profileId);
      const { registration } = requireRegistration(profileId);
      if (profile.mailboxUser.trim() === '') {
        throw new AppError(
          'OAUTH_MAILBOX_USER_MISSING',
          'Enter the mailbox user of this connection before signing in.',
        );
      }
      inFlight.get(profileId)?.abort();
      const control = new AbortController();
      inFlight.set(profileId, control);
      // A throwaway client: nothing reaches the keychain before the account is known to be the right one.
      const throwaway = clientFor(registration);
      try {
        const result = await interactiveSignIn({
          pca: throwaway,
          mode: registration.mode,
          loginHint: profile.mailboxUser,
          signal: control.signal,
          timeoutMs: opts.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS,
          openBrowser: async (url) => {
            // Only MSAL's authorize URL on the configured sign-in host ever goes to the system browser.
            if (!isAuthorityUrl(url, opts.authority))
              throw diagnosisError(diagnoseLocal('SIGN_IN_FAILED', 'Unexpected sign-in address.'));
            onStarted?.({ profileId, mode: registration.mode, url });
            await opts.openBrowser(url);
          },
          ...(opts.embedded
            ? { embedded: announced(opts.embedded, (url) => onStarted?.({ profileId, mode: 'embedded', url })) }
            : {}),
        });
        const check = checkSignedInAccount((result.idTokenClaims ?? {}) as IdentityClaims, profile.mailboxUser);
        if (!check.match) {
          throw new AppError('OAUTH_ACCOUNT_MISMATCH', 'A different account than the mailbox user signed in.', {
            diagnosis: diagnoseLocal('ACCOUNT_MISMATCH'),
            signedInAs: check.signedInAs,
            expected: check.expected,
          });
        }
        await adoptSignIn(profileId, registration, result, throwaway, check.signedInAs);
        opts.log?.info(`profile ${profileId} signed in (${registration.mode})`);
        return await state(profileId);
      } catch (err) {
        if (err instanceof SignInProblem) {
          const diagnosis =
            err.diagnosis.code === 'AUTHORITY_UNREACHABLE'
              ? await explainAuthorityFailure(opts.authority, registration.tenant, networkGet(opts.networkClient))
              : err.diagnosis;
          throw diagnosisError(diagnosis);
        }
        throw signInError(err);
      } finally {
        if (inFlight.get(profileId) === control) inFlight.delete(profileId);
      }
    },

    cancelSignIn(profileId) {
      const control = inFlight.get(profileId);
      control?.abort();
      return control !== undefined;
    },

    accessToken,

    async test(profileId, o = {}) {
      const profile = opts.profiles.requireProfile(profileId);
      const token = await accessToken(profileId, { forceRefresh: o.forceRefresh === true });
      const report = await opts.runProbe(
        {
          host: profile.host,
          port: profile.port,
          security: profile.security,
          user: profile.mailboxUser,
          credential: { kind: 'xoauth2', accessToken: token.token },
        },
        { ...opts.probeOptions, ...(o.signal ? { signal: o.signal } : {}) },
      );
      return { report, tokenRefreshed: token.refreshed, token: tokenFacts(token.token) };
    },

    signOut,

    async forgetProfile(profileId) {
      inFlight.get(profileId)?.abort();
      sessions.delete(profileId);
      await opts.vault.delete(profileId, 'oauth-refresh-token').catch(() => undefined);
      registrations.remove(profileId);
    },

    async dispose() {
      for (const control of inFlight.values()) control.abort();
      sessions.clear();
    },
  };
}
