import type { HandlerSlice } from '../ipc/handlers';
import type { OAuthService } from './oauth-service';

export type OAuthChannel =
  | 'getOAuthState'
  | 'setAuthTrack'
  | 'saveOAuthRegistration'
  | 'startOAuthSignIn'
  | 'cancelOAuthSignIn'
  | 'testOAuthConnection'
  | 'signOutOAuth';

export function createOAuthHandlers(service: OAuthService): HandlerSlice<OAuthChannel> {
  return {
    getOAuthState: ({ profileId }) => service.state(profileId),
    setAuthTrack: ({ profileId, track }) => service.setTrack(profileId, track),
    saveOAuthRegistration: ({ profileId, tenant, clientId, mode }) =>
      service.saveRegistration(profileId, { tenant, clientId, mode }),
    startOAuthSignIn: ({ profileId }, ctx) =>
      service.signIn(profileId, (started) => ctx.emit('oauthSignInStarted', started)),
    cancelOAuthSignIn: ({ profileId }) => ({ cancelled: service.cancelSignIn(profileId) }),
    testOAuthConnection: ({ profileId, forceRefresh }) => service.test(profileId, { forceRefresh }),
    signOutOAuth: async ({ profileId }) => {
      const { removed } = await service.signOut(profileId);
      return { ...(await service.state(profileId)), removed };
    },
  };
}
