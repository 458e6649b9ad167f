// Channels and events for modern authentication (issue 7).
import { DISTINCT_IDS_ISSUE, distinctIds, registrationShape } from '@shared/oauth/registration';
import { type OAuthState, type SignInStartedEvent, trackSchema } from '@shared/oauth/state';
import type { TokenFacts } from '@shared/oauth/xoauth2-causes';
import type { ProbeReport } from '@shared/probe/report';
import { profileIdSchema } from '@shared/profile/profile';
import { z } from 'zod';

import { channel, event } from '../define';

const byProfile = z.object({ profileId: profileIdSchema }).strict();

/** The result of an XOAUTH2 connection test: the probe's report plus what the token said about itself. */
export interface OAuthTestResult {
  report: ProbeReport;
  /** True when the token had to be renewed for this test (silent refresh). */
  tokenRefreshed: boolean;
  /** What the token says about itself; `refineTokenDiagnosis` ranks the AUTH_FAILED causes with it. */
  token: TokenFacts;
}

export const oauthChannels = {
  getOAuthState: channel(byProfile).returns<OAuthState>(),
  setAuthTrack: channel(z.object({ profileId: profileIdSchema, track: trackSchema }).strict()).returns<OAuthState>(),
  saveOAuthRegistration: channel(
    z
      .object({ profileId: profileIdSchema, ...registrationShape })
      .strict()
      .refine(distinctIds, DISTINCT_IDS_ISSUE),
  ).returns<OAuthState>(),
  /** Resolves when the sign-in finished; fails with `OAUTH_<code>` and the diagnosis in `details.diagnosis`. */
  startOAuthSignIn: channel(byProfile).returns<OAuthState>(),
  cancelOAuthSignIn: channel(byProfile).returns<{ cancelled: boolean }>(),
  testOAuthConnection: channel(
    z.object({ profileId: profileIdSchema, forceRefresh: z.boolean().default(false) }).strict(),
  ).returns<OAuthTestResult>(),
  signOutOAuth: channel(byProfile).returns<OAuthState & { removed: boolean }>(),
};

export const oauthEvents = {
  oauthSignInStarted: event<SignInStartedEvent>(),
};
