/**
 * Secrets per profile and kind, in the OS keychain — or, only when the user accepts it after a keychain failure,
 * in this process's memory for the current session. There is no disk fallback of any kind.
 */
import { AppError } from '../../shared/ipc/result';
import {
  MAX_SECRET_BYTES,
  SECRET_KINDS,
  type KeychainProblem,
  type OrphanSecret,
  type RemoveOrphansResult,
  type SaveSecretResult,
  type SecretKind,
  type SecretStatus,
  type SecretStorage,
} from '../../shared/profile/secrets';
import { accountFor, parseAccount } from './account-key';
import { KeychainFailure, type Keychain } from './keychain';
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
  dispose(): Promise<void>;
}

/** Any failure from the keychain layer as a typed vault error. */
export function toVaultError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof KeychainFailure) {
    return err.timedOut ? vaultError('KEYCHAIN_TIMEOUT') : vaultError(classifyKeychainMessage(err.message), err.message);
  }
  return vaultError('KEYCHAIN_FAILED', err instanceof Error ? err.message : undefined);
}

function checkSecret(secret: string): void {
  if (secret.trim().length === 0) throw vaultError('SECRET_EMPTY');
  if (Buffer.byteLength(secret, 'utf8') > MAX_SECRET_BYTES) throw vaultError('SECRET_TOO_LONG');
}

export function createCredentialVault(keychain: Keychain): CredentialVault {
  /** Session-only secrets by account; the Map lives and dies with this process. */
  const session = new Map<string, string>();

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
    const stored = await guarded(() => keychain.get(account));
    return stored === null ? null : { secret: stored, storage: 'keychain' };
  };

  const listOrphans: CredentialVault['listOrphans'] = async (profileExists) => {
    const accounts = await guarded(() => keychain.listAccounts());
    return [...new Set(accounts)]
      .map((account) => ({ account, ...parseAccount(account) }))
      .filter((o) => o.profileId === null || o.kind === null || !profileExists(o.profileId));
  };

  return {
    async save(profileId, kind, secret, fallback = 'none') {
      checkSecret(secret);
      const account = accountFor(profileId, kind);
      try {
        await guarded(() => keychain.set(account, secret));
        session.delete(account);
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
        const stored = await guarded(() => keychain.get(account));
        return stored === null ? { saved: false, storage: null } : { saved: true, storage: 'keychain' };
      } catch (err) {
        return { saved: false, storage: null, keychainProblem: problemOf(toVaultError(err)) };
      }
    },

    async delete(profileId, kind) {
      const account = accountFor(profileId, kind);
      const hadSession = session.delete(account);
      const removed = await guarded(() => keychain.delete(account));
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
            inKeychain = await guarded(() => keychain.delete(account));
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
      const orphans = new Set((await listOrphans(profileExists)).map((o) => o.account));
      const wanted = accounts ? [...new Set(accounts)] : [...orphans];
      const removed: string[] = [];
      const skipped: string[] = [];
      for (const account of wanted) {
        if (!orphans.has(account)) {
          skipped.push(account);
          continue;
        }
        if (await guarded(() => keychain.delete(account))) removed.push(account);
        else skipped.push(account);
      }
      return { removed, skipped };
    },

    async dispose() {
      session.clear();
      await keychain.dispose();
    },
  };
}
