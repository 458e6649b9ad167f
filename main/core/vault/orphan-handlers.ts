/**
 * Keychain entries without a connection: counted for the start-up notice, listed, and removed only as far as the
 * user confirmed. An entry whose connection is still in a moved-aside settings file is marked as such and never
 * removed without being named: importing that file would make it belong to a connection again.
 */
import type { OrphanSecret } from '@shared/profile/secrets';

import type { HandlerSlice } from '../ipc/handlers';
import type { AppStore } from '../store/app-store';
import { findInMovedAside } from '../store/moved-aside';
import { primaryAccount } from './account-key';
import type { CredentialVault } from './credential-vault';
import type { NoticeBoard } from './notice-board';

export type OrphanChannel = 'listOrphanSecrets' | 'removeOrphanSecrets';

export interface OrphanWatch {
  handlers: HandlerSlice<OrphanChannel>;
  /** Counts orphans again (after an import or a removal) and updates the notice; never throws. */
  rescan(): Promise<void>;
}

export function createOrphanWatch(deps: {
  store: AppStore;
  vault: CredentialVault;
  notices: NoticeBoard;
  dataDir: string;
}): OrphanWatch {
  const exists = (id: string) => deps.store.hasProfile(id);

  const listOrphans = async (): Promise<OrphanSecret[]> => {
    const orphans = await deps.vault.listOrphans(exists);
    const ids = [...new Set(orphans.flatMap((o) => (o.profileId ? [o.profileId] : [])))];
    const owners = findInMovedAside(deps.dataDir, ids);
    return orphans.map((o) => {
      const owner = o.profileId ? owners.get(o.profileId) : undefined;
      return owner ? { ...o, movedAside: owner } : o;
    });
  };

  /** A long secret's chunk items count once, with their secret; a keychain failure just means no notice. */
  const rescan = async () => {
    try {
      const orphans = await listOrphans();
      const secretsOf = (list: OrphanSecret[]) => new Set(list.map((o) => primaryAccount(o.account))).size;
      const count = secretsOf(orphans);
      const inBackups = secretsOf(orphans.filter((o) => o.movedAside));
      deps.notices.replaceKind('orphan-secrets', count ? { kind: 'orphan-secrets', count, inBackups } : null);
    } catch {
      deps.notices.replaceKind('orphan-secrets', null);
    }
  };

  return {
    rescan,
    handlers: {
      listOrphanSecrets: () => listOrphans(),
      async removeOrphanSecrets({ accounts }) {
        // Without a list, only what surely belongs to nothing goes; entries of moved-aside connections stay until
        // the user picks them from the list.
        const chosen = accounts ?? (await listOrphans()).filter((o) => !o.movedAside).map((o) => o.account);
        return deps.vault.removeOrphans(exists, chosen);
      },
    },
  };
}
