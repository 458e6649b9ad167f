/** The admin's commands about connections, routes and steps; each answers with the view that includes it. */
import type { Track } from '@shared/oauth/state';
import type { ProfilePatch } from '@shared/profile/profile';
import type { ImportReport } from '@shared/profile/transfer';
import type { WizardStepId } from '@shared/wizard/steps';
import type { RegistrationPartId } from '@shared/wizard/tracks';
import type { WizardView } from '@shared/wizard/view';

import type { ProfileDraftParsed } from '../store/app-store';
import type { Core, ImportSource } from './core';
import { checkRouteChoice, PASSWORD_ROUTE_WARNING, type RouteFacts, routeOptions } from './route-rules';

export function connectionCommands(core: Core) {
  const { store } = core.deps;

  /** Everything a connection leaves behind ends with it: tests, keychain entries, retests, sign-in. */
  async function remove(profileId: string): Promise<void> {
    store.requireProfile(profileId);
    const wasActive = core.activeId() === profileId;
    core.runs.cancelAll(profileId);
    const deleted = await core.deps.deleteProfile(profileId);
    // Entries the keychain kept are offered for removal at the next start (orphan notice).
    if (deleted.keychainProblem) core.log.warn(`keychain entries stay behind: ${deleted.keychainProblem.code}`);
    await core.deps.retest.forget(profileId);
    await core.deps.oauth.forgetProfile(profileId);
    core.lastTests.forget(profileId);
    core.signInUrls.delete(profileId);
    // The first of the others takes its place on screen.
    if (wasActive) core.setActive(core.activeId());
  }

  return {
    getView: (): Promise<WizardView> => core.change(),

    selectConnection: (profileId: string) =>
      core.change(() => {
        store.requireProfile(profileId);
        core.setActive(profileId);
      }),

    /** The new connection becomes the active one and starts on the step on screen (where a restart resumes). */
    createConnection: (draft: ProfileDraftParsed, stepId?: WizardStepId) =>
      core.change(() => {
        const profile = store.createProfile(draft);
        core.setActive(profile.id);
        if (stepId) store.setCurrentStep(profile.id, stepId);
      }),

    updateConnection: (profileId: string, patch: ProfilePatch) =>
      core.change(() => store.updateProfile(profileId, patch)),

    renameConnection: (profileId: string, displayName: string) =>
      core.change(() => store.updateProfile(profileId, { displayName })),

    deleteConnection: (profileId: string) => core.change(() => remove(profileId)),

    async importConnections(input: ImportSource) {
      let report: ImportReport | undefined;
      const view = await core.change(async () => {
        report = await core.deps.importProfiles(input);
      });
      return { report: report!, view };
    },

    /** A route that cannot work at the server is taken only with its warning acknowledged (remembered once). */
    chooseRoute: (profileId: string, route: Track, acknowledgeWarning = false) =>
      core.change(async () => {
        const facts: RouteFacts = {
          host: store.requireProfile(profileId).host,
          route: (await core.deps.oauth.state(profileId)).track,
          progress: store.getProgress(profileId),
          lastTests: core.lastTests.read(profileId),
        };
        checkRouteChoice(facts, route, acknowledgeWarning);
        if (acknowledgeWarning && routeOptions(facts).find((r) => r.id === route)?.warning === 'required')
          store.applyStepAction(profileId, PASSWORD_ROUTE_WARNING, { action: 'confirm' });
        await core.deps.oauth.setTrack(profileId, route);
      }),

    goToStep: (profileId: string, stepId: WizardStepId) => core.change(() => store.setCurrentStep(profileId, stepId)),

    confirmStep: (profileId: string, stepId: WizardStepId | RegistrationPartId) =>
      core.change(() => store.applyStepAction(profileId, stepId, { action: 'confirm' })),

    undoStep: (profileId: string, stepId: WizardStepId | RegistrationPartId) =>
      core.change(() => store.applyStepAction(profileId, stepId, { action: 'undo' })),
  };
}
