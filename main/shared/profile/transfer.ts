/** Moving profiles between machines: the export file format and the import report. Secrets are never exported. */
import type { Profile } from './profile';
import type { WizardProgress } from './progress';

export const EXPORT_FORMAT = 'mailadapter-assistant/profiles';
export const EXPORT_FORMAT_VERSION = 1;
/** Files larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_PROFILES = 1000;

export interface ExportedProfile extends Omit<Profile, 'createdAt' | 'updatedAt'> {
  createdAt: string;
  updatedAt: string;
  progress?: WizardProgress;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_FORMAT_VERSION;
  exportedAt: string;
  profiles: ExportedProfile[];
}

export interface ExportResult {
  /** Suggested file name (for a save dialog or a browser download). */
  fileName: string;
  /** The file contents; also written to `path` when one was given or chosen. */
  contents: string;
  path: string | null;
  count: number;
  /** The user cancelled the save dialog; nothing was written. */
  cancelled?: true;
}

/** Why a whole file was refused (nothing imported). */
export type ImportFileProblem =
  | 'too-large'
  | 'not-json'
  | 'wrong-format'
  | 'unsupported-version'
  | 'forbidden-key'
  | 'too-many-profiles'
  | 'no-valid-profiles';

export interface ImportRejection {
  /** Position in the file's `profiles` array; -1 for the file itself. */
  index: number;
  displayName: string | null;
  /** Field codes (see PROFILE_FIELD_MESSAGES) or 'forbidden-key' / 'not-an-object'. */
  reasons: string[];
}

export interface ImportAccepted {
  index: number;
  id: string;
  displayName: string;
  /** The file's id was taken on this machine, so the profile got a new one. */
  idChanged: boolean;
  withProgress: boolean;
}

export interface ImportReport {
  status: 'imported' | 'partial' | 'rejected';
  fileProblem: ImportFileProblem | null;
  accepted: ImportAccepted[];
  rejected: ImportRejection[];
}
