import type { StoredReport } from '../../shared/profile/reports';
import type { WizardProgress } from '../../shared/profile/progress';
import type { VaultServices } from '../vault/vault-services';
import type { ReportProfile } from './report/build-report';

/**
 * What the wizard reads about a profile (for the setup report and notifications). Each method throws the store's
 * PROFILE_NOT_FOUND AppError for an unknown id. Never includes a secret value.
 */
export interface WizardDataPort {
  profile(profileId: string): ReportProfile;
  progress(profileId: string): WizardProgress;
  lastReport(profileId: string): StoredReport | null;
  /** Whether an app password is saved; null when the keychain could not be asked. */
  secretSaved(profileId: string): Promise<boolean | null>;
}

/** The port over the profile store and credential vault (issue 4). */
export function wizardDataFromVault(vault: Pick<VaultServices, 'store' | 'vault'>): WizardDataPort {
  return {
    profile: (id) => vault.store.requireProfile(id),
    progress: (id) => vault.store.getProgress(id),
    lastReport: (id) => vault.store.listReports(id).at(-1) ?? null,
    async secretSaved(id) {
      const status = await vault.vault.status(id, 'app-password');
      return status.saved ? true : status.keychainProblem ? null : false;
    },
  };
}
