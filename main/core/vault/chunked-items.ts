/**
 * Secrets of any accepted length on top of the keychain's one-item-per-account model (format: chunk-format.ts).
 * A secret that fits stays one item, exactly as before chunking existed. Writes go chunks first, manifest second,
 * stale chunks last, so an interrupted write leaves the old secret readable; an interrupted delete removes the
 * manifest first, so no half secret stays readable. Leftover chunks are found by the orphan scan.
 */
import {
  chunkAccount,
  chunkIndexes,
  DEFAULT_CHUNK_SIZE,
  digestOf,
  joinChunks,
  type Manifest,
  manifestText,
  needsChunks,
  nextFirst,
  parseStored,
  splitSecret,
} from './chunk-format';
import { type Keychain, KeychainFailure } from './keychain';
import { vaultError } from './keychain-errors';

export interface ChunkedItems {
  /** null when nothing is stored; throws KEYCHAIN_ENTRY_DAMAGED when chunks are missing or do not fit together. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Removes the item and the chunks its manifest references; true when the item existed. */
  delete(account: string): Promise<boolean>;
  /** Of the given chunk indexes of `account`, those its current manifest does not reference. */
  unreferenced(account: string, indexes: readonly number[]): Promise<number[]>;
}

const isTimeout = (err: unknown): boolean => err instanceof KeychainFailure && err.timedOut;

export function createChunkedItems(keychain: Keychain, chunkSize = DEFAULT_CHUNK_SIZE): ChunkedItems {
  if (!Number.isInteger(chunkSize) || chunkSize < 2) throw new RangeError('chunkSize must be an integer of at least 2');

  const manifestOf = (value: string | null): Manifest | null => {
    if (value === null) return null;
    const parsed = parseStored(value);
    return parsed.kind === 'manifest' ? parsed : null;
  };

  /**
   * The manifest currently stored, to know which chunks a write or delete replaces. A read failure other than a
   * timeout (e.g. an item another program wrote in an odd encoding) must not stop the write that would fix it;
   * a timeout means the keychain hangs, and queueing more calls would only multiply the wait.
   */
  const currentManifest = async (account: string): Promise<Manifest | null> => {
    try {
      return manifestOf(await keychain.get(account));
    } catch (err) {
      if (isTimeout(err)) throw err;
      return null;
    }
  };

  /** Best effort, stopping at the first failure (a hanging keychain would otherwise cost one timeout per chunk). */
  const deleteChunks = async (account: string, indexes: readonly number[]): Promise<void> => {
    for (const i of indexes) {
      try {
        await keychain.delete(chunkAccount(account, i));
      } catch {
        return;
      }
    }
  };

  return {
    async get(account) {
      const value = await keychain.get(account);
      if (value === null) return null;
      const stored = parseStored(value);
      if (stored.kind === 'plain') return value;
      if (stored.kind === 'damaged') throw vaultError('KEYCHAIN_ENTRY_DAMAGED');
      const chunks: (string | null)[] = [];
      for (const i of chunkIndexes(stored)) chunks.push(await keychain.get(chunkAccount(account, i)));
      const secret = joinChunks(stored, chunks);
      if (secret === null) throw vaultError('KEYCHAIN_ENTRY_DAMAGED');
      return secret;
    },

    async set(account, secret) {
      const old = await currentManifest(account);
      let kept: number[] = [];
      if (!needsChunks(secret, chunkSize)) {
        await keychain.set(account, secret);
      } else {
        const parts = splitSecret(secret, chunkSize);
        const manifest: Manifest = {
          first: nextFirst(old, parts.length),
          count: parts.length,
          digest: digestOf(secret),
        };
        kept = chunkIndexes(manifest);
        const written: number[] = [];
        try {
          for (const [n, part] of parts.entries()) {
            await keychain.set(chunkAccount(account, manifest.first + n), part);
            written.push(manifest.first + n);
          }
          await keychain.set(account, manifestText(manifest));
        } catch (err) {
          // The old secret is untouched. After a timeout the queued writes may still land, so only a definite
          // failure removes the new chunks; otherwise the orphan scan finds them.
          if (!isTimeout(err)) await deleteChunks(account, written);
          throw err;
        }
      }
      if (old)
        await deleteChunks(
          account,
          chunkIndexes(old).filter((i) => !kept.includes(i)),
        );
    },

    async delete(account) {
      const old = await currentManifest(account);
      const removed = await keychain.delete(account);
      if (old) await deleteChunks(account, chunkIndexes(old));
      return removed;
    },

    async unreferenced(account, indexes) {
      const manifest = manifestOf(await keychain.get(account));
      const referenced = new Set(manifest ? chunkIndexes(manifest) : []);
      return indexes.filter((i) => !referenced.has(i));
    },
  };
}
