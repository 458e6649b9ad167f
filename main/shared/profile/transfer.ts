/** Moving profiles between machines: the export file format and the import report. Secrets are never exported. */
import type { ExportedBridge } from '../bridge/host-settings';
import type { OAuthRegistration } from '../oauth/registration';
import type { Track } from '../oauth/state';
import type { Profile } from './profile';
import type { WizardProgress } from './progress';

export const EXPORT_FORMAT = 'mailadapter-assistant/profiles';
/** 1: profiles with progress. 2: plus `auth` (track choice and app registration). Imports accept both. */
export const EXPORT_FORMAT_VERSION = 2;
/** Files larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_PROFILES = 1000;

/**
 * The sign-in track of a profile as it travels: which track, and the app registration's tenant and client ID (plus
 * the sign-in window choice). Never tokens, and never the signed-in account: the refresh token stays in the source
 * machine's keychain, so the target has to sign in anyway, and the account record (a user object ID) would only
 * claim a sign-in that did not travel.
 */
export interface ExportedAuth {
  track: Track | null;
  registration: OAuthRegistration | null;
}

export interface ExportedProfile extends Omit<Profile, 'createdAt' | 'updatedAt'> {
  createdAt: string;
  updatedAt: string;
  progress?: WizardProgress;
  /** Since version 2; absent when the profile has neither a track choice nor a registration. */
  auth?: ExportedAuth;
  /**
   * The OAuth bridge's settings (address, port, Server-Typ, where agorum core runs); optional within version 2,
   * so older importers simply ignore it. Never the local password or its hash, never tokens.
   */
  bridge?: ExportedBridge;
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
  /**
   * Field codes (`errors:field` in the catalogue, `tenant.*` / `clientId.*` for the registration) or 'forbidden-key' /
   * 'not-an-object' / 'auth.notSaved' / 'already-present' (a settings file's connection that is already here).
   */
  reasons: string[];
  /** 'auth' / 'bridge': only that part of the profile was refused; the profile itself was imported without it. */
  part?: 'auth' | 'bridge';
}

export interface ImportAccepted {
  index: number;
  id: string;
  displayName: string;
  /** The file's id was taken on this machine, so the profile got a new one. */
  idChanged: boolean;
  withProgress: boolean;
  /** The track choice and app registration were restored (see ExportedAuth). */
  withAuth: boolean;
}

export interface ImportReport {
  status: 'imported' | 'partial' | 'rejected';
  /**
   * 'settings': the file was a settings file of this app (e.g. one moved aside), whose connections keep their ids
   * and so their keychain entries; absent for an export file.
   */
  source?: 'settings';
  fileProblem: ImportFileProblem | null;
  accepted: ImportAccepted[];
  rejected: ImportRejection[];
}
