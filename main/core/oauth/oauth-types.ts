/** What the modern-authentication service needs and offers (implemented in oauth-service.ts). */
import type { INetworkModule } from '@azure/msal-node';
import type { OAuthRegistration } from '@shared/oauth/registration';
import type { OAuthState, OAuthTestResult, SignInStartedEvent, Track } from '@shared/oauth/state';
import type { ProbeReport } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';
import type { Profile } from '@shared/profile/profile';

import type { ProbeOptions } from '../imap/probe';
import type { Logger } from '../log/logger';
import type { CredentialVault } from '../vault/credential-vault';
import type { AuthorityConfig } from './authority';
import type { EmbeddedSignInPort } from './interactive-sign-in';
import type { RegistrationStore } from './registration-store';

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
