/**
 * Secrets per profile and kind, in the OS keychain — or, only when the user accepts it after a keychain failure,
 * in this process's memory for the current session. There is no disk fallback of any kind. Long secrets are kept
 * as several keychain items (chunked-items.ts); callers never see the difference.
 */
import { AppError } from '@shared/ipc/result';
import {
  type KeychainProblem,
  MAX_SECRET_BYTES,
  type OrphanSecret,
  type RemoveOrphansResult,
  type SaveSecretResult,
  SECRET_KINDS,
  type SecretKind,
  type SecretStatus,
  type SecretStorage,
} from '@shared/profile/secrets';

import { accountFor, parseAccount, primaryAccount } from './account-key';
import { createChunkedItems } from './chunked-items';
import { type Keychain, KeychainFailure } from './keychain';
import { classifyKeychainMessage, problemOf, vaultError } from './keychain-errors';

export interface CredentialVault {
  save(profileId: string, kind: SecretKind, secret: string, fallback?: 'none' | 'session'): Promise<SaveSecretResult>;
  /** The secret for main-side use; null when none is saved. Throws KEYCHAIN_* when the keychain fails. */
  read(profileId: string, kind: SecretKind): Promise<{ secret: string; storage: SecretStorage } | null>;
  /** Whether a secret is saved (keychain or session). Throws KEYCHAIN_* when the keychain fails. */
  exists(profileId: string, kind: SecretKind): Promise<boolean>;
  /** Never throws for keychain trouble: the problem is part of the status. */
  status(profileId: string, kind: SecretKind): Promise<SecretStatus>;
  delete(profileId: string, kind: SecretKind): Promise<{ removed: boolean }>;
  /** Removes every kind for a profile; reports (does not throw) a keychain problem. */
  deleteAllFor(profileId: string): Promise<{ removed: SecretKind[]; keychainProblem?: KeychainProblem }>;
  listOrphans(profileExists: (id: string) => boolean): Promise<OrphanSecret[]>;
  removeOrphans(profileExists: (id: string) => boolean, accounts?: readonly string[]): Promise<RemoveOrphansResult>;
  /**
   * Refreshes the labels of a profile's keychain items (after a save, a rename); best effort, never throws. Runs
   * by itself after every save; callers await it only to know it is done.
   */
  relabel(profileId: string): Promise<void>;
  dispose(): Promise<void>;
}

/** Any failure from the keychain layer as a typed vault error. */
export function toVaultError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof KeychainFailure) {
    return err.timedOut
      ? vaultError('KEYCHAIN_TIMEOUT')
      : vaultError(classifyKeychainMessage(err.message), err.message);
  }
  return vaultError('KEYCHAIN_FAILED', err instanceof Error ? err.message : undefined);
}

function checkSecret(secret: string): void {
  if (secret.trim().length === 0) throw vaultError('SECRET_EMPTY');
  if (Buffer.byteLength(secret, 'utf8') > MAX_SECRET_BYTES) throw vaultError('SECRET_TOO_LONG');
}

export interface CredentialVaultOptions {
  /** Longest secret (UTF-16 code units) kept in one keychain item; longer ones are chunked. Tests use small sizes. */
  chunkSize?: number;
  /** The label for one item of a profile (undefined: leave it); `part` for the items of a chunked secret. */
  labelFor?: (profileId: string, kind: SecretKind, part?: { n: number; of: number }) => string | undefined;
}

export function createCredentialVault(keychain: Keychain, opts: CredentialVaultOptions = {}): CredentialVault {
  /** Session-only secrets by account; the Map lives and dies with this process. */
  const session = new Map<string, string>();
  const items = createChunkedItems(keychain, opts.chunkSize);

  /**
   * One vault operation at a time: a chunked secret takes several keychain calls, and a read, an orphan scan or
   * another write in between could see (or delete) a half-written one. The keychain worker serializes its calls
   * anyway, so this costs no parallelism.
   */
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(op: () => Promise<T>): Promise<T> => {
    const run = tail.then(op);
    tail = run.catch(() => undefined);
    return run;
  };

  const guarded = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw toVaultError(err);
    }
  };

  const read: CredentialVault['read'] = async (profileId, kind) => {
    const account = accountFor(profileId, kind);
    const inSession = session.get(account);
    if (inSession !== undefined) return { secret: inSession, storage: 'session' };
    const stored = await guarded(() => items.get(account));
    return stored === null ? null : { secret: stored, storage: 'keychain' };
  };

  /**
   * Entries without a profile, unparsable names, and chunk items that the live secret they are named after no
   * longer references (left by a save or delete that was cut off).
   */
  const listOrphans: CredentialVault['listOrphans'] = async (profileExists) => {
    const accounts = await guarded(() => keychain.listAccounts());
    const entries = [...new Set(accounts)].map((account) => ({ account, ...parseAccount(account) }));
    const isOrphan = (o: (typeof entries)[number]) =>
      o.profileId === null || o.kind === null || !profileExists(o.profileId);
    const orphans = new Set(entries.filter(isOrphan).map((o) => o.account));
    const liveChunks = new Map<string, number[]>();
    for (const o of entries) {
      if (o.chunk === undefined || orphans.has(o.account)) continue;
      const primary = primaryAccount(o.account);
      liveChunks.set(primary, [...(liveChunks.get(primary) ?? []), o.chunk]);
    }
    for (const [primary, indexes] of liveChunks) {
      for (const i of await guarded(() => items.unreferenced(primary, indexes))) orphans.add(`${primary}#${i}`);
    }
    // Each secret's own item first, then its chunks in order.
    const order = (o: (typeof entries)[number]) => [primaryAccount(o.account), o.chunk ?? -1] as const;
    return entries
      .filter((o) => orphans.has(o.account))
      .sort((x, y) => {
        const [px, cx] = order(x);
        const [py, cy] = order(y);
        return px < py ? -1 : px > py ? 1 : cx - cy;
      });
  };

  /**
   * Labels are cosmetic: they run after the operation that needs them, one profile at a time, and a failure only
   * leaves the old label.
   */
  let labelling: Promise<void> = Promise.resolve();
  const labelNow = async (profileId: string) => {
    const { labelFor } = opts;
    if (!keychain.label || !labelFor) return;
    const accounts = await exclusive(() => keychain.listAccounts());
    for (const kind of SECRET_KINDS) {
      const primary = accountFor(profileId, kind);
      const chunks = accounts
        .filter((a) => a !== primary && primaryAccount(a) === primary)
        .sort((x, y) => (parseAccount(x).chunk ?? 0) - (parseAccount(y).chunk ?? 0));
      const items = accounts.includes(primary) ? [{ account: primary, text: labelFor(profileId, kind) }] : [];
      chunks.forEach((account, i) =>
        items.push({ account, text: labelFor(profileId, kind, { n: i + 1, of: chunks.length }) }),
      );
      for (const { account, text } of items) if (text) await keychain.label(account, text);
    }
  };
  const relabel = (profileId: string): Promise<void> =>
    (labelling = labelling.then(() => labelNow(profileId)).catch(() => undefined));

  /** The operations without serialization; the vault hands them out one at a time (see `exclusive`). */
  const ops: Omit<CredentialVault, 'dispose' | 'relabel'> = {
    async save(profileId, kind, secret, fallback = 'none') {
      checkSecret(secret);
      const account = accountFor(profileId, kind);
      try {
        await guarded(() => items.set(account, secret));
        session.delete(account);
        void relabel(profileId);
        return { storage: 'keychain' };
      } catch (err) {
        const error = toVaultError(err);
        if (fallback !== 'session' || !error.code.startsWith('KEYCHAIN_')) throw error;
        session.set(account, secret);
        return { storage: 'session', keychainProblem: problemOf(error) };
      }
    },

    read,

    async exists(profileId, kind) {
      return (await read(profileId, kind)) !== null;
    },

    async status(profileId, kind) {
      const account = accountFor(profileId, kind);
      if (session.has(account)) return { saved: true, storage: 'session' };
      try {
        // A full read: a chunked secret that no longer fits together is reported, not announced as saved.
        const stored = await guarded(() => items.get(account));
        return stored === null ? { saved: false, storage: null } : { saved: true, storage: 'keychain' };
      } catch (err) {
        return { saved: false, storage: null, keychainProblem: problemOf(toVaultError(err)) };
      }
    },

    async delete(profileId, kind) {
      const account = accountFor(profileId, kind);
      const hadSession = session.delete(account);
      const removed = await guarded(() => items.delete(account));
      return { removed: removed || hadSession };
    },

    async deleteAllFor(profileId) {
      const removed: SecretKind[] = [];
      let keychainProblem: KeychainProblem | undefined;
      for (const kind of SECRET_KINDS) {
        const account = accountFor(profileId, kind);
        const hadSession = session.delete(account);
        let inKeychain = false;
        if (!keychainProblem) {
          try {
            inKeychain = await guarded(() => items.delete(account));
          } catch (err) {
            keychainProblem = problemOf(toVaultError(err));
          }
        }
        if (hadSession || inKeychain) removed.push(kind);
      }
      return keychainProblem ? { removed, keychainProblem } : { removed };
    },

    listOrphans,

    async removeOrphans(profileExists, accounts) {
      const found = await listOrphans(profileExists);
      const orphans = new Set(found.map((o) => o.account));
      const asked = new Set(accounts ?? orphans);
      // Removing a secret's own item takes its orphaned chunk items along, so no piece of it stays behind.
      const chunksOfAsked = found
        .filter((o) => o.chunk !== undefined && asked.has(primaryAccount(o.account)))
        .map((o) => o.account);
      const removed: string[] = [];
      const skipped: string[] = [];
      for (const account of new Set([...asked, ...chunksOfAsked])) {
        if (!orphans.has(account)) {
          skipped.push(account);
          continue;
        }
        if (await guarded(() => keychain.delete(account))) removed.push(account);
        else skipped.push(account);
      }
      return { removed, skipped };
    },
  };

  return {
    save: (...args) => exclusive(() => ops.save(...args)),
    read: (...args) => exclusive(() => ops.read(...args)),
    exists: (...args) => exclusive(() => ops.exists(...args)),
    status: (...args) => exclusive(() => ops.status(...args)),
    delete: (...args) => exclusive(() => ops.delete(...args)),
    deleteAllFor: (...args) => exclusive(() => ops.deleteAllFor(...args)),
    listOrphans: (...args) => exclusive(() => ops.listOrphans(...args)),
    removeOrphans: (...args) => exclusive(() => ops.removeOrphans(...args)),
    relabel,
    async dispose() {
      session.clear();
      await keychain.dispose();
    },
  };
}
