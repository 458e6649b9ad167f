import type { HandlerSlice } from '../ipc/handlers';
import type { AppStore } from '../store/app-store';
import type { CredentialVault } from './credential-vault';

export type ProfileChannel =
  | 'listProfiles'
  | 'getProfile'
  | 'createProfile'
  | 'updateProfile'
  | 'renameProfile'
  | 'deleteProfile'
  | 'getWizardProgress'
  | 'updateWizardStep'
  | 'setCurrentStep'
  | 'listTestReports'
  | 'getPreferences'
  | 'setWindowState';

export function createProfileHandlers(store: AppStore, vault: CredentialVault): HandlerSlice<ProfileChannel> {
  return {
    listProfiles: () => store.listProfiles(),
    getProfile: ({ id }) => store.requireProfile(id),
    createProfile: (draft) => store.createProfile(draft),
    updateProfile: ({ id, patch }) => store.updateProfile(id, patch),
    renameProfile: ({ id, displayName }) => store.updateProfile(id, { displayName }),
    async deleteProfile({ id }) {
      store.requireProfile(id);
      // Keychain first: if the store write then fails, the profile remains and the user can simply retry.
      const secrets = await vault.deleteAllFor(id);
      store.deleteProfile(id);
      return {
        id,
        secretsRemoved: secrets.removed,
        ...(secrets.keychainProblem ? { keychainProblem: secrets.keychainProblem } : {}),
      };
    },
    getWizardProgress: ({ profileId }) => store.getProgress(profileId),
    updateWizardStep: ({ profileId, stepId, change }) => store.applyStepAction(profileId, stepId, change),
    setCurrentStep: ({ profileId, stepId }) => store.setCurrentStep(profileId, stepId),
    listTestReports: ({ profileId }) => store.listReports(profileId),
    getPreferences: () => store.getSettings(),
    setWindowState: (windowState) => store.updateSettings({ windowState }),
  };
}
