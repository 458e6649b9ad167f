/** Things main wants the user to know at start-up, shown as dismissible banners. */

export type StoreRecoveryReason = 'not-json' | 'schema' | 'too-large' | 'unreadable' | 'newer-version';

export type Notice =
  | {
      id: string;
      kind: 'store-recovered';
      /** Where the unreadable file was moved (nothing is deleted); null when even moving failed (read-only folder). */
      backupPath: string | null;
      reason: StoreRecoveryReason;
      at: string;
    }
  | {
      id: string;
      kind: 'store-migrated';
      fromVersion: number;
      toVersion: number;
      backupPath: string;
      at: string;
    }
  | {
      id: string;
      kind: 'orphan-secrets';
      /**
       * Keychain entries of this app whose profile no longer exists (a long secret's chunk items count once);
       * offer `removeOrphanSecrets`.
       */
      count: number;
      at: string;
    };

export type NoticeKind = Notice['kind'];
