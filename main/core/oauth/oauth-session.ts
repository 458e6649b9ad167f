/**
 * One profile's MSAL session (client, keychain cache, what is known about the access token in memory) and the
 * modern-auth state the wizard shows for a profile, derived from it. Never a token.
 */
import { createHash } from 'node:crypto';

import type { PublicClientApplication } from '@azure/msal-node';
import { AppError } from '@shared/ipc/result';
import { handoverValues } from '@shared/oauth/handover';
import type { OAuthRegistration } from '@shared/oauth/registration';
import type { OAuthState } from '@shared/oauth/state';
import type { Profile } from '@shared/profile/profile';
import type { KeychainErrorCode, SecretStatus } from '@shared/profile/secrets';
import { recommendedRoute } from '@shared/wizard/routes';

import type { EmbeddedSignInPort } from './interactive-sign-in';
import type { KeychainCachePlugin } from './keychain-cache-plugin';
import type { OAuthEntry } from './registration-store';

export interface Session {
  key: string;
  pca: PublicClientApplication;
  plugin: KeychainCachePlugin;
  accessTokenExpiresAt: Date | null;
  /** Fingerprint of the last access token handed out, to tell a renewed token from the cached one. */
  lastTokenHash: string | null;
}

// MSAL's `fromCache` flag is not reliable across its versions; comparing fingerprints is.
export const fingerprint = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const sessionKey = (r: Pick<OAuthRegistration, 'tenant' | 'clientId'>) => `${r.tenant}|${r.clientId}`;

const keychainProblemOf = (err: unknown): OAuthState['keychainProblem'] =>
  err instanceof AppError && err.code.startsWith('KEYCHAIN_')
    ? { code: err.code as KeychainErrorCode, message: err.message }
    : err === undefined
      ? undefined
      : { code: 'KEYCHAIN_FAILED', message: 'The keychain could not store the sign-in.' };

/** The embedded port, telling the renderer when the window opens. */
export const announced = (port: EmbeddedSignInPort, onOpen: (url: string) => void): EmbeddedSignInPort => ({
  run(url, redirectUri, signal) {
    onOpen(url);
    return port.run(url, redirectUri, signal);
  },
});

export interface StateFacts {
  profile: Profile;
  entry: OAuthEntry;
  session: Session | undefined;
  /** The refresh token's keychain status. */
  refreshToken: SecretStatus;
  embeddedAvailable: boolean;
  signInInProgress: boolean;
  authorityHost: string;
}

export function oauthStateOf({ profile, entry, session, refreshToken: status, ...f }: StateFacts): OAuthState {
  const inMemoryOnly = session?.plugin.writeProblem !== undefined && entry.account !== null;
  const signedIn = (status.saved || inMemoryOnly) && entry.account !== null;
  const keychainProblem = keychainProblemOf(session?.plugin.writeProblem) ?? status.keychainProblem;
  return {
    profileId: profile.id,
    track: entry.track,
    recommendedTrack: recommendedRoute(profile.host),
    registration: entry.registration,
    embeddedAvailable: f.embeddedAvailable,
    signedIn,
    account:
      signedIn && entry.account ? { username: entry.account.username, signedInAt: entry.account.signedInAt } : null,
    storage: signedIn ? (status.saved ? (status.storage ?? 'keychain') : 'session') : null,
    ...(keychainProblem ? { keychainProblem } : {}),
    accessTokenExpiresAt: signedIn ? (session?.accessTokenExpiresAt?.toISOString() ?? null) : null,
    signInInProgress: f.signInInProgress,
    handover: entry.registration
      ? handoverValues({
          registration: entry.registration,
          authorityHost: f.authorityHost,
          host: profile.host,
          port: profile.port,
          security: profile.security,
          user: profile.mailboxUser,
        })
      : null,
  };
}
