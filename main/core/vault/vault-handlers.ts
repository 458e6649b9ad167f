/** The IPC handler table of the profiles-and-secrets domain, composed from its areas. */
import type { HandlerSlice } from '../ipc/handlers';
import type { Platform } from '../platform';
import type { AppStore } from '../store/app-store';
import type { AuthTransferPort } from '../store/transfer-types';
import { primaryAccount } from './account-key';
import type { CredentialVault } from './credential-vault';
import type { NoticeBoard } from './notice-board';
import { createProfileHandlers, type ProfileChannel } from './profile-handlers';
import { createSecretHandlers, type SecretChannel } from './secret-handlers';
import { createTransferHandlers, type TransferChannel } from './transfer-handlers';

export type NoticeChannel = 'getNotices' | 'dismissNotice';
export type VaultChannel = ProfileChannel | SecretChannel | TransferChannel | NoticeChannel;

export interface VaultHandlerDeps {
  store: AppStore;
  vault: CredentialVault;
  notices: NoticeBoard;
  dataDir: string;
  now: () => Date;
  orphanScanTimeoutMs: number;
  chooseSavePath?: Platform['chooseSavePath'];
  authTransfer?: AuthTransferPort;
}

export function createVaultHandlers(deps: VaultHandlerDeps): HandlerSlice<VaultChannel> {
  const { store, vault, notices } = deps;
  let orphanScan: Promise<void> | undefined;

  /**
   * Counts keychain entries without a profile — a long secret's chunk items count once, with their secret — and a
   * keychain failure just means no orphan notice.
   */
  const scanOrphans = async () => {
    try {
      const orphans = await vault.listOrphans((id) => store.hasProfile(id));
      const count = new Set(orphans.map((o) => primaryAccount(o.account))).size;
      notices.replaceKind('orphan-secrets', count ? { kind: 'orphan-secrets', count } : null);
    } catch {
      notices.replaceKind('orphan-secrets', null);
    }
  };

  return {
    ...createProfileHandlers(store),
    ...createSecretHandlers(store, vault, () => void (orphanScan = scanOrphans())),
    ...createTransferHandlers({
      store,
      dataDir: deps.dataDir,
      now: deps.now,
      ...(deps.chooseSavePath ? { chooseSavePath: deps.chooseSavePath } : {}),
      ...(deps.authTransfer ? { auth: deps.authTransfer } : {}),
    }),
    async getNotices() {
      // The first call (at UI start-up) scans the keychain once; a slow keychain never holds the UI for long.
      orphanScan ??= scanOrphans();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([orphanScan, new Promise<void>((r) => (timer = setTimeout(r, deps.orphanScanTimeoutMs)))]);
      clearTimeout(timer);
      return notices.list();
    },
    dismissNotice({ id }) {
      notices.dismiss(id);
      return notices.list();
    },
  };
}
