/** Things main wants the user to know at start-up, shown as dismissible banners. */

export type StoreRecoveryReason = 'not-json' | 'schema' | 'too-large' | 'unreadable' | 'newer-version';

/**
 * The JSON documents of the data folder, each its own file `<name>.json`: `store` (connections, progress, reports,
 * settings), `oauth` (route choice, app registration and sign-in record per connection), `retest` (automatic retests), `bridge` (OAuth bridge settings per connection, desktop choices).
 */
export const DATA_DOCUMENT_NAMES = ['store', 'oauth', 'retest', 'bridge'] as const;
export type DataDocumentName = (typeof DATA_DOCUMENT_NAMES)[number];

export type Notice =
  | {
      id: string;
      kind: 'store-recovered';
      /** Which file of the data folder could not be read. */
      document: DataDocumentName;
      /** Where the unreadable file was moved (nothing is deleted); null when even moving failed (read-only folder). */
      backupPath: string | null;
      reason: StoreRecoveryReason;
      /**
       * Set when the readable entries were kept and only the broken ones left out (documents keyed by connection);
       * the full original is at `backupPath`.
       */
      salvaged?: { kept: number; dropped: number };
      at: string;
    }
  | {
      id: string;
      kind: 'store-migrated';
      document: DataDocumentName;
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
      /** How many of them belong to connections in a moved-aside settings file (importable, so not really orphans). */
      inBackups: number;
      at: string;
    };
