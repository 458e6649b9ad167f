/**
 * Settings files the app moved aside after it could not read them (`store.corrupt-<time>.json`, never deleted), and
 * which connections they still hold. Their keychain entries are not orphans in the ordinary sense: importing the
 * file brings the connection back (same id) and its saved password with it.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

import { MAX_STORE_BYTES } from './store-document';

export interface MovedAsideOwner {
  /** The moved-aside file that mentions the connection. */
  file: string;
  /** Its name in that file, when the file is still readable JSON. */
  displayName: string | null;
}

const MOVED_ASIDE = /^store\.corrupt-.+\.json$/;

/** Moved-aside settings files in the data folder, newest first (their names sort by time). */
export function listMovedAsideStores(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => MOVED_ASIDE.test(n))
    .sort()
    .reverse()
    .map((n) => path.join(dataDir, n));
}

/** Which of `ids` occur in a file, read in pieces so that even a huge file costs little memory. */
function idsInFile(file: string, ids: readonly string[]): Set<string> {
  const found = new Set<string>();
  const overlap = Math.max(0, ...ids.map((id) => id.length));
  const buffer = Buffer.alloc(1024 * 1024);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    let tail = '';
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      // latin1 keeps every byte as one character, so ids (ASCII) are found even in binary garbage.
      const text = tail + buffer.toString('latin1', 0, n);
      for (const id of ids) if (!found.has(id) && text.includes(id)) found.add(id);
      if (found.size === ids.length) break;
      tail = text.slice(-overlap);
    }
  } catch {
    // An unreadable file protects nothing; the caller treats its connections as unknown.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return found;
}

/** Display names by id from a file that still parses (small enough, JSON, with a `profiles` array). */
function namesInFile(file: string): Map<string, string> {
  const names = new Map<string, string>();
  try {
    if (statSync(file).size > MAX_STORE_BYTES) return names;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { profiles?: unknown };
    if (!Array.isArray(raw.profiles)) return names;
    for (const p of raw.profiles as { id?: unknown; displayName?: unknown }[]) {
      if (typeof p?.id === 'string' && typeof p.displayName === 'string') names.set(p.id, p.displayName.slice(0, 80));
    }
  } catch {
    // Not JSON any more: the id was still found by its bytes, only the name is unknown.
  }
  return names;
}

/**
 * For each id that a moved-aside settings file mentions, the newest such file and the connection's name there. An
 * id found only as bytes (in a truncated or garbled file) still counts: better to ask once too often.
 */
export function findInMovedAside(dataDir: string, ids: readonly string[]): Map<string, MovedAsideOwner> {
  const owners = new Map<string, MovedAsideOwner>();
  if (ids.length === 0) return owners;
  for (const file of listMovedAsideStores(dataDir)) {
    const open = ids.filter((id) => !owners.has(id));
    if (open.length === 0) break;
    const found = idsInFile(file, open);
    if (found.size === 0) continue;
    const names = namesInFile(file);
    for (const id of found) owners.set(id, { file, displayName: names.get(id) ?? null });
  }
  return owners;
}
