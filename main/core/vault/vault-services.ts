/**
 * The profiles-and-secrets domain, assembled: the store, the credential vault, notices, IPC handlers, and the
 * main-side helpers other domains use (getSecret for the connection test, recordReport for its results).
 */
import type { DeleteProfileResult } from '@shared/ipc/channels/vault';
import { keychainItemLabel } from '@shared/profile/keychain-label';
import type { StoredReport } from '@shared/profile/reports';
import type { SecretKind } from '@shared/profile/secrets';
import { type WindowState, windowStateSchema } from '@shared/profile/settings';
import type { ImportReport } from '@shared/profile/transfer';

import type { HandlerSlice } from '../ipc/handlers';
import type { Platform } from '../platform';
import { type AppStore, openAppStore } from '../store/app-store';
import type { StoreBackendFactory } from '../store/backend';
import type { LoadEvent } from '../store/durable-document';
import { createSettingsStore, type SettingsStore } from '../store/settings-store';
import type { AuthTransferPort, BridgeTransferPort } from '../store/transfer-types';
import { createCredentialVault, type CredentialVault } from './credential-vault';
import type { Keychain } from './keychain';
import { createNativeKeychain } from './native-keychain';
import { createNoticeBoard, noticesFromLoad } from './notice-board';
import { createVaultHandlers, type VaultChannel } from './vault-handlers';

export interface VaultServiceOptions {
  dataDir: string;
  /** electron-store in the app; conf (the default) under plain Node. */
  storeBackend?: StoreBackendFactory;
  /** The OS keychain by default; tests may pass another. */
  keychain?: Keychain;
  /** Longest secret kept in one keychain item before it is chunked (default 1,000 characters); for tests. */
  chunkSize?: number;
  now?: () => Date;
  /** How long start-up orphan detection may take before getNotices answers without it. */
  orphanScanTimeoutMs?: number;
  /** The host's save dialog, for exporting profiles. */
  platform?: Pick<Platform, 'chooseSavePath'>;
  /** The sign-in track's per-profile data, carried through export and import. */
  authTransfer?: AuthTransferPort;
  /** The bridges' settings per connection, carried through export and import (never the password hash). */
  bridgeTransfer?: BridgeTransferPort;
  /** Load events of the data folder's other documents (oauth.json, retest.json), shown as notices like the store's. */
  documentEvents?: readonly LoadEvent[];
}

export interface VaultServices {
  store: AppStore;
  settings: SettingsStore;
  vault: CredentialVault;
  handlers: HandlerSlice<VaultChannel>;
  /** The stored secret for main-side use (never sent to the renderer); null when none is saved. */
  getSecret(profileId: string, kind: SecretKind): Promise<string | null>;
  /** Deletes a profile with its keychain entries, progress and reports. */
  deleteProfile(profileId: string): Promise<DeleteProfileResult>;
  /** Takes over the valid profiles of an export file or of a moved-aside settings file (by its notice). */
  importProfiles(input: { contents: string } | { path: string } | { noticeId: string }): Promise<ImportReport>;
  /** Keeps a (secret-free) test report; the newest 20 per profile are kept. */
  recordReport(profileId: string, report: unknown): StoredReport;
  /** For the Electron window: remembered bounds, and saving them on close. */
  windowState: { load(): WindowState | undefined; save(state: WindowState): void };
  dispose(): Promise<void>;
}

export function createVaultServices(opts: VaultServiceOptions): VaultServices {
  const now = opts.now ?? (() => new Date());
  const store = openAppStore({
    dataDir: opts.dataDir,
    now,
    ...(opts.storeBackend ? { backend: opts.storeBackend } : {}),
  });
  const vault = createCredentialVault(opts.keychain ?? createNativeKeychain(), {
    ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
    labelFor: (profileId, kind, part) => {
      const profile = store.getProfile(profileId);
      return profile && keychainItemLabel(store.getSettings().language, kind, profile, part);
    },
  });
  // A rename or a new mailbox shows in the keychain too (lookups never depend on the label).
  store.onProfileUpdated((profile) => void vault.relabel(profile.id));
  const notices = createNoticeBoard(now);
  for (const n of noticesFromLoad([...store.loadEvents, ...(opts.documentEvents ?? [])])) notices.add(n);

  async function deleteProfile(id: string): Promise<DeleteProfileResult> {
    store.requireProfile(id);
    // Keychain first: if the store write then fails, the profile remains and the user can simply retry.
    const secrets = await vault.deleteAllFor(id);
    store.deleteProfile(id);
    return {
      id,
      secretsRemoved: secrets.removed,
      ...(secrets.keychainProblem ? { keychainProblem: secrets.keychainProblem } : {}),
    };
  }

  const handlers = createVaultHandlers({
    store,
    vault,
    notices,
    dataDir: opts.dataDir,
    now,
    orphanScanTimeoutMs: opts.orphanScanTimeoutMs ?? 5000,
    ...(opts.platform ? { chooseSavePath: (name, filters) => opts.platform!.chooseSavePath(name, filters) } : {}),
    ...(opts.authTransfer ? { authTransfer: opts.authTransfer } : {}),
    ...(opts.bridgeTransfer ? { bridgeTransfer: opts.bridgeTransfer } : {}),
  });

  return {
    store,
    settings: createSettingsStore(store),
    vault,
    handlers,
    async getSecret(profileId, kind) {
      store.requireProfile(profileId);
      return (await vault.read(profileId, kind))?.secret ?? null;
    },
    deleteProfile,
    // The channel's own handler, so an import through the wizard rescans for orphans like any other.
    importProfiles: async (input) =>
      'noticeId' in input
        ? handlers.importMovedAside(input, { emit: () => {} })
        : handlers.importProfiles(input, { emit: () => {} }),
    recordReport: (profileId, report) => store.recordReport(profileId, report),
    windowState: {
      load: () => store.getSettings().windowState ?? undefined,
      save: (state) => {
        // Window managers can report odd sizes; a position that fails validation is dropped, never stored.
        const parsed = windowStateSchema.safeParse(state);
        if (!parsed.success) return;
        try {
          store.updateSettings({ windowState: parsed.data });
        } catch {
          // Losing the window position (e.g. disk full at quit) must never block closing the app.
        }
      },
    },
    dispose: () => vault.dispose(),
  };
}
