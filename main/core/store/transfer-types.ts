import type { ExportedBridge } from '@shared/bridge/host-settings';
import type { Profile } from '@shared/profile/profile';
import type { WizardProgress } from '@shared/profile/progress';
import type { ExportedAuth } from '@shared/profile/transfer';

/** One profile to add, with its wizard progress and sign-in data if the file had them. */
export interface ImportItem {
  profile: Profile;
  progress?: WizardProgress;
  auth?: ExportedAuth;
  bridge?: ExportedBridge;
}

/** The bridge settings of each profile, kept outside the store (bridge.json): export reads them, import sets them. */
export interface BridgeTransferPort {
  exportOf(profileId: string): ExportedBridge | undefined;
  /** Sets the imported profiles' bridges (stopped, without a password); throws when it cannot be written. */
  restore(entries: readonly { profileId: string; bridge: ExportedBridge }[]): void;
}

/**
 * The sign-in track's per-profile data, which its domain keeps outside the store (oauth.json). Export reads it;
 * import hands it over for the new profiles' ids in one write.
 */
export interface AuthTransferPort {
  exportOf(profileId: string): ExportedAuth | undefined;
  /** Sets (or, for `null`, clears) the data of each listed profile; throws when it cannot be written. */
  restore(entries: readonly { profileId: string; auth: ExportedAuth | null }[]): void;
}

/** The parts of the store document an export reads. */
export interface StoreDocumentView {
  profiles: readonly Profile[];
  progress: Readonly<Record<string, WizardProgress>>;
}
