import type { OAuthState } from '@shared/oauth/state';
import type { WizardProgress } from '@shared/profile/progress';
import type { StoredReport } from '@shared/profile/reports';

import type { VaultServices } from '../vault/vault-services';
import type { ReportBridge, ReportOAuth, ReportProfile } from './report/build-report';

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
  /** The modern-auth track's facts (track, sign-in, hand-over values); absent where that track is not wired. */
  oauth?(profileId: string): Promise<ReportOAuth>;
  /** Where the connection's OAuth bridge listens for agorum core; null without one, absent where none is hosted. */
  bridge?(profileId: string): ReportBridge | null;
}

/** Copies field by field what a report may print, so nothing else main's state might ever carry slips through. */
export const reportOAuthOf = (s: OAuthState): ReportOAuth => ({
  track: s.track,
  registered: s.registration !== null,
  signedIn: s.signedIn,
  account: s.account ? { username: s.account.username, signedInAt: s.account.signedInAt } : null,
  handover: s.handover ? s.handover.map(({ key, value }) => ({ key, value })) : null,
});

/** The port over the profile store and credential vault, and the modern-auth state when given. */
export function wizardDataFromVault(
  vault: Pick<VaultServices, 'store' | 'vault'>,
  oauth?: { state(profileId: string): Promise<OAuthState> },
): WizardDataPort {
  return {
    ...(oauth ? { oauth: async (id: string) => reportOAuthOf(await oauth.state(id)) } : {}),
    profile: (id) => vault.store.requireProfile(id),
    progress: (id) => vault.store.getProgress(id),
    lastReport: (id) => vault.store.listReports(id).at(-1) ?? null,
    async secretSaved(id) {
      const status = await vault.vault.status(id, 'app-password');
      return status.saved ? true : status.keychainProblem ? null : false;
    },
  };
}
