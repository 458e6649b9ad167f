/**
 * The modern-authentication track for all profiles: registration, interactive sign-in, silent refresh, the
 * XOAUTH2 connection test, sign-out. One MSAL client per profile holds the tokens in memory; its cache plugin keeps
 * only the refresh token (with its account record) in the keychain.
 */
import type { AuthenticationResult, PublicClientApplication } from '@azure/msal-node';
import { AppError } from '@shared/ipc/result';
import { diagnoseLocal } from '@shared/oauth/aadsts';
import { checkSignedInAccount, type IdentityClaims } from '@shared/oauth/account-match';
import { REFRESH_SCOPES, SIGN_IN_TIMEOUT_MS } from '@shared/oauth/constants';
import type { OAuthRegistration } from '@shared/oauth/registration';
import type { OAuthState } from '@shared/oauth/state';

import { isAuthorityUrl } from './authority';
import { explainAuthorityFailure, networkGet } from './authority-check';
import { persistableCache } from './cache-filter';
import { interactiveSignIn, SignInProblem } from './interactive-sign-in';
import { createKeychainCachePlugin, type KeychainCachePlugin } from './keychain-cache-plugin';
import { createMsalClient } from './msal-client';
import { diagnosisError, signInError } from './msal-errors';
import { announced, fingerprint, oauthStateOf, type Session, sessionKey } from './oauth-session';
import type { AccessToken, OAuthService, OAuthServiceOptions } from './oauth-types';
import { type OAuthEntry, openRegistrationStore } from './registration-store';
import { profileCacheSlot } from './secret-slot';
import { tokenFacts } from './token-facts';

export type { OAuthService, OAuthServiceOptions } from './oauth-types';

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
    return oauthStateOf({
      profile,
      entry: registrations.get(profileId),
      session: sessions.get(profileId),
      refreshToken: await opts.vault.status(profileId, 'oauth-refresh-token'),
      embeddedAvailable: opts.embedded !== undefined,
      signInInProgress: inFlight.has(profileId),
      authorityHost: opts.authority.host,
    });
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
