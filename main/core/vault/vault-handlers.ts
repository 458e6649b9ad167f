/** The IPC handler table of the profiles-and-secrets domain, composed from its areas. */
import type { ImportReport } from '@shared/profile/transfer';

import type { HandlerSlice } from '../ipc/handlers';
import type { Platform } from '../platform';
import type { AppStore } from '../store/app-store';
import type { AuthTransferPort, BridgeTransferPort } from '../store/transfer-types';
import type { CredentialVault } from './credential-vault';
import type { NoticeBoard } from './notice-board';
import { createOrphanWatch, type OrphanChannel } from './orphan-handlers';
import { createProfileHandlers, type ProfileChannel } from './profile-handlers';
import { createSecretHandlers, type SecretChannel } from './secret-handlers';
import { createTransferHandlers, type TransferChannel } from './transfer-handlers';

export type NoticeChannel = 'getNotices' | 'dismissNotice';
export type VaultChannel = ProfileChannel | SecretChannel | OrphanChannel | TransferChannel | NoticeChannel;

export interface VaultHandlerDeps {
  store: AppStore;
  vault: CredentialVault;
  notices: NoticeBoard;
  dataDir: string;
  now: () => Date;
  orphanScanTimeoutMs: number;
  chooseSavePath?: Platform['chooseSavePath'];
  authTransfer?: AuthTransferPort;
  bridgeTransfer?: BridgeTransferPort;
}

export function createVaultHandlers(deps: VaultHandlerDeps): HandlerSlice<VaultChannel> {
  const { store, vault, notices } = deps;
  const orphans = createOrphanWatch(deps);
  let orphanScan: Promise<void> | undefined;
  const rescanOrphans = () => void (orphanScan = orphans.rescan());

  const transfer = createTransferHandlers({
    store,
    dataDir: deps.dataDir,
    now: deps.now,
    ...(deps.chooseSavePath ? { chooseSavePath: deps.chooseSavePath } : {}),
    ...(deps.authTransfer ? { auth: deps.authTransfer } : {}),
    ...(deps.bridgeTransfer ? { bridge: deps.bridgeTransfer } : {}),
    movedAsideFile: (noticeId) => {
      const notice = notices.list().find((n) => n.id === noticeId);
      const ofStore = notice?.kind === 'store-recovered' && notice.document === 'store';
      return (ofStore && notice.backupPath) || undefined;
    },
  });
  // Imported connections take their keychain entries back, so the orphan count changes.
  const rescanAfter = (report: ImportReport): ImportReport => {
    if (report.accepted.length > 0) rescanOrphans();
    return report;
  };

  return {
    ...createProfileHandlers(store),
    ...createSecretHandlers(store, vault),
    ...orphans.handlers,
    async removeOrphanSecrets(input, ctx) {
      const result = await orphans.handlers.removeOrphanSecrets(input, ctx);
      rescanOrphans();
      return result;
    },
    ...transfer,
    importProfiles: async (input, ctx) => rescanAfter(await transfer.importProfiles(input, ctx)),
    importMovedAside: async (input, ctx) => rescanAfter(await transfer.importMovedAside(input, ctx)),
    async getNotices() {
      // The first call (at UI start-up) scans the keychain once; a slow keychain never holds the UI for long.
      orphanScan ??= orphans.rescan();
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
