/**
 * How a secret that is too long for one keychain item is kept: chunk items `<account>#<i>` plus, in the item
 * `<account>` itself, a manifest `chunks:v1:<first>:<count>:<digest>`. Windows Credential Manager holds at most
 * 2,560 bytes per item (1,280 UTF-16 code units, which is how keyring stores a password there); a Microsoft refresh
 * token or a 4 KiB secret does not fit. One code path for every platform keeps the behaviour testable on Linux.
 *
 * `first` lets an overwrite put the new chunks beside the old ones, so the old secret stays whole until the
 * manifest flips; `digest` (a SHA-256 prefix of the whole secret) turns a missing, stale or altered chunk into a
 * detected damage instead of a wrong secret.
 */
import { createHash } from 'node:crypto';

/** UTF-16 code units per chunk: well below Windows' 1,280, leaving room for a future per-item overhead. */
export const DEFAULT_CHUNK_SIZE = 1000;

const MANIFEST_PREFIX = 'chunks:v1:';
const MANIFEST = /^chunks:v1:(0|[1-9]\d{0,3}):([1-9]\d{0,3}):([0-9a-f]{16})$/;

export interface Manifest {
  first: number;
  count: number;
  digest: string;
}

export type StoredValue = { kind: 'plain' } | ({ kind: 'manifest' } & Manifest) | { kind: 'damaged' };

export const chunkAccount = (account: string, index: number): string => `${account}#${index}`;

export const digestOf = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);

/**
 * Whether a secret goes into chunks. A short secret that happens to start like a manifest is chunked too, so a
 * single item that starts like a manifest always is one.
 */
export const needsChunks = (secret: string, chunkSize: number): boolean =>
  secret.length > chunkSize || secret.startsWith(MANIFEST_PREFIX);

/**
 * Cuts a secret into pieces of at most `chunkSize` code units, never between the two halves of a surrogate pair:
 * a lone half cannot be stored as UTF-8 (Secret Service, macOS) and would come back as U+FFFD.
 */
export function splitSecret(secret: string, chunkSize: number): string[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 2) throw new RangeError('chunkSize must be an integer of at least 2');
  const chunks: string[] = [];
  for (let at = 0; at < secret.length;) {
    let end = Math.min(at + chunkSize, secret.length);
    const last = secret.charCodeAt(end - 1);
    if (end < secret.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(secret.slice(at, end));
    at = end;
  }
  return chunks;
}

export const manifestText = (m: Manifest): string => `${MANIFEST_PREFIX}${m.first}:${m.count}:${m.digest}`;

/** What the primary item holds: the secret itself, a manifest, or something that claims to be one but is not. */
export function parseStored(value: string): StoredValue {
  if (!value.startsWith(MANIFEST_PREFIX)) return { kind: 'plain' };
  const m = MANIFEST.exec(value);
  if (!m) return { kind: 'damaged' };
  return { kind: 'manifest', first: Number(m[1]), count: Number(m[2]), digest: m[3]! };
}

/** The chunk indexes a manifest references. */
export const chunkIndexes = (m: Manifest): number[] => Array.from({ length: m.count }, (_, i) => m.first + i);

/** Where the chunks of a new secret start so that they never overwrite the ones `old` still references. */
export const nextFirst = (old: Manifest | null, count: number): number =>
  old === null || count <= old.first ? 0 : old.first + old.count;

/** The whole secret, or null when a chunk is missing or the result does not match the digest. */
export function joinChunks(m: Manifest, chunks: readonly (string | null)[]): string | null {
  if (chunks.length !== m.count || chunks.some((c) => c === null || c === '')) return null;
  const secret = chunks.join('');
  return digestOf(secret) === m.digest ? secret : null;
}
