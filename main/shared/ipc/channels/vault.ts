// Keychain, profiles, import/export and notices: the store's and keychain's own channels. Changing a connection,
// its progress or its tests goes through the wizard's commands (wizard-state.ts), where the rules live.
// No channel returns a stored secret: the renderer can save, ask whether one is saved, and delete — main uses it.
import type { Notice } from '@shared/profile/notices';
import { type Profile, profileDraftSchema, profileIdSchema } from '@shared/profile/profile';
import type { KeychainProblem } from '@shared/profile/secrets';
import {
  type OrphanSecret,
  type RemoveOrphansResult,
  saveSecretInputSchema,
  type SaveSecretResult,
  type SecretKind,
  secretKindSchema,
  type SecretStatus,
} from '@shared/profile/secrets';
import { type StoredSettings, windowStateSchema } from '@shared/profile/settings';
import type { ExportResult, ImportReport } from '@shared/profile/transfer';
import { z } from 'zod';

import { channel } from '../define';

const byId = z.object({ id: profileIdSchema }).strict();
const secretRef = z.object({ profileId: profileIdSchema, kind: secretKindSchema }).strict();

/** An export file to import: its contents, or (harness and tests) a path. */
export const importInputSchema = z.union([
  // The hard cap is above the 10 MiB import limit so oversize files get a report, not an input error.
  z.object({ contents: z.string().max(12 * 1024 * 1024) }).strict(),
  z.object({ path: z.string().min(1).max(4096) }).strict(),
]);

export interface DeleteProfileResult {
  id: string;
  /** Secret kinds removed from the keychain (or session memory) together with the profile. */
  secretsRemoved: SecretKind[];
  /** Set when the keychain could not be cleaned; the entries show up later as orphans. */
  keychainProblem?: KeychainProblem;
}

export const vaultChannels = {
  listProfiles: channel(z.undefined()).returns<Profile[]>(),
  getProfile: channel(byId).returns<Profile>(),
  createProfile: channel(profileDraftSchema).returns<Profile>(),

  saveSecret: channel(saveSecretInputSchema).returns<SaveSecretResult>(),
  secretStatus: channel(secretRef).returns<SecretStatus>(),
  deleteSecret: channel(secretRef).returns<{ removed: boolean }>(),
  listOrphanSecrets: channel(z.undefined()).returns<OrphanSecret[]>(),
  /**
   * Without `accounts`, removes every current orphan except those of connections in a moved-aside settings file;
   * listed accounts (the ones the user confirmed) are removed only if still orphans.
   */
  removeOrphanSecrets: channel(
    z.object({ accounts: z.array(z.string().min(1).max(200)).max(1000).optional() }).strict(),
  ).returns<RemoveOrphansResult>(),

  /**
   * `dialog: true` asks where to save (native save dialog; the harness answers with its data dir), `path` writes
   * there, neither only returns the contents (e.g. for a browser download).
   */
  exportProfiles: channel(
    z
      .object({
        path: z.string().min(1).max(4096).optional(),
        dialog: z.boolean().optional(),
        profileIds: z.array(profileIdSchema).max(10_000).optional(),
      })
      .strict(),
  ).returns<ExportResult>(),
  importProfiles: channel(importInputSchema).returns<ImportReport>(),

  /**
   * Imports the readable connections of a settings file the app moved aside, named by its `store-recovered` notice
   * (main knows the path); same report as `importProfiles`. Connections keep their ids, so their keychain entries
   * and sign-in data belong to them again.
   */
  importMovedAside: channel(z.object({ noticeId: z.string().min(1).max(100) }).strict()).returns<ImportReport>(),

  getNotices: channel(z.undefined()).returns<Notice[]>(),
  dismissNotice: channel(z.object({ id: z.string().min(1).max(100) }).strict()).returns<Notice[]>(),

  /** Settings beyond the language: retest policy and window state. */
  getPreferences: channel(z.undefined()).returns<StoredSettings>(),
  setWindowState: channel(windowStateSchema).returns<StoredSettings>(),
};

export const vaultEvents = {};
