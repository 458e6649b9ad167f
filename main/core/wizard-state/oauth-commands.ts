/**
 * Modern authentication where it changes what the wizard shows: the IDs, the sign-in as the mailbox user (a wait
 * of minutes, outside the change queue, with the page it opened in the view), sign-out and the XOAUTH2 test.
 */
import type { OAuthRegistration } from '@shared/oauth/registration';
import type { WizardView } from '@shared/wizard/view';

import type { Core } from './core';
import { createTestFlow } from './test-flow';

export function oauthCommands(core: Core) {
  const { oauth } = core.deps;
  const { runTest } = createTestFlow(core);

  return {
    saveOAuthIds: (profileId: string, registration: OAuthRegistration) =>
      core.change(() => oauth.saveRegistration(profileId, registration)),

    async signIn(profileId: string): Promise<WizardView> {
      // Started synchronously, so the view published next already says that a sign-in is waiting.
      const pending = oauth.signIn(profileId, (started) => {
        core.signInUrls.set(profileId, started.url);
        void core.change();
      });
      pending.catch(() => undefined);
      await core.change();
      const ended = () => core.change(() => core.signInUrls.delete(profileId));
      try {
        await pending;
      } catch (err) {
        await ended();
        throw err;
      }
      return ended();
    },

    cancelSignIn: (profileId: string) => ({ cancelled: oauth.cancelSignIn(profileId) }),

    signOut: (profileId: string) => core.change(() => oauth.signOut(profileId)),

    testOAuthConnection: (profileId: string, forceRefresh: boolean) =>
      runTest(
        profileId,
        'xoauth2',
        () => {},
        async (test) => {
          const result = await oauth.test(profileId, { forceRefresh, signal: test.signal });
          return { report: result.report, token: { tokenRefreshed: result.tokenRefreshed, token: result.token } };
        },
      ),
  };
}
