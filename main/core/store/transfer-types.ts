import type { Profile } from '../../shared/profile/profile';
import type { WizardProgress } from '../../shared/profile/progress';

/** One profile to add, with its wizard progress if the file had it. */
export interface ImportItem {
  profile: Profile;
  progress?: WizardProgress;
}

/** The parts of the store document an export reads. */
export interface StoreDocumentView {
  profiles: readonly Profile[];
  progress: Readonly<Record<string, WizardProgress>>;
}
