/**
 * What the renderer learns about a profile's modern-authentication track. Never a token: only whether one is
 * stored, for whom, and until when the in-memory access token is good.
 */
import { z } from 'zod';

import type { ProbeReport } from '../probe/report';
import type { KeychainProblem, SecretStorage } from '../profile/secrets';
import { ROUTE_IDS, type Track } from '../wizard/routes';
import type { SignInMode } from './constants';
import type { HandoverValue } from './handover';
import type { OAuthRegistration } from './registration';
import type { TokenFacts } from './xoauth2-causes';

/** The ways through the wizard (main/shared/wizard/routes.ts). */
export const trackSchema = z.enum(ROUTE_IDS);
export type { Track };

export interface SignedInAccount {
  username: string;
  signedInAt: string;
}

export interface OAuthState {
  profileId: string;
  /** null until the admin chose; `recommendedTrack` says what the assistant suggests for the profile's host. */
  track: Track | null;
  recommendedTrack: Track;
  registration: OAuthRegistration | null;
  /** The embedded window exists only in the desktop app; the browser harness offers the system browser. */
  embeddedAvailable: boolean;
  /** A refresh token is stored (keychain) or held for this session after a keychain failure. */
  signedIn: boolean;
  account: SignedInAccount | null;
  storage: SecretStorage | null;
  keychainProblem?: KeychainProblem;
  /** Expiry of the access token held in memory, if any (ISO). */
  accessTokenExpiresAt: string | null;
  signInInProgress: boolean;
  /** Everything an OAuth-capable adapter needs; null until the registration is entered. */
  handover: HandoverValue[] | null;
}

export interface SignInStartedEvent {
  profileId: string;
  mode: SignInMode;
  /** Where the sign-in page was opened (system browser URL is shown so the admin can copy it elsewhere). */
  url: string;
}

/** The result of an XOAUTH2 connection test: the probe's report plus what the token said about itself. */
export interface OAuthTestResult {
  report: ProbeReport;
  /** True when the token had to be renewed for this test (silent refresh). */
  tokenRefreshed: boolean;
  /** What the token says about itself; `refineTokenDiagnosis` ranks the AUTH_FAILED causes with it. */
  token: TokenFacts;
}
