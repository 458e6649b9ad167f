/**
 * A cross-process lock on a data folder, for hosts without Electron's single-instance lock (the browser harness,
 * CLI tools). The lock file holds the owner's PID, host and a random token; a lock whose PID is gone on this host
 * is stale and taken over. Taking over renames the stale file first, so two starters racing over the same stale
 * lock cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { localizedError } from './store-errors';

export const LOCK_FILE_NAME = 'store.lock';

interface LockRecord {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export interface InstanceLock {
  readonly path: string;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): void;
}

export interface AcquireOptions {
  fileName?: string;
  /** Overridable for tests; default asks the OS whether the PID exists. */
  isAlive?: (pid: number) => boolean;
  /** A lock file younger than this without readable content is being written right now, not stale. */
  partialGraceMs?: number;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRecord(file: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') {
      return { pid: parsed.pid, host: parsed.host, token: parsed.token, since: String(parsed.since ?? '') };
    }
  } catch {
    // missing or half-written
  }
  return undefined;
}

function tryCreate(file: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(record));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes a stale lock unless someone replaced it meanwhile (then that newer lock is put back). */
function takeOverStale(file: string, staleToken: string | undefined): void {
  const parked = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, parked);
  } catch {
    return; // already gone: just try to create again
  }
  const parkedRecord = readRecord(parked);
  if (parkedRecord?.token !== staleToken) {
    // We moved a fresh lock someone else just took: put it back (link fails if yet another one appeared).
    try {
      linkSync(parked, file);
    } catch {
      // the newer lock stays in charge
    }
  }
  unlinkSync(parked);
}

/** Takes the lock or throws STORE_LOCKED (details: the owner's pid and host). */
export function acquireInstanceLock(dataDir: string, opts: AcquireOptions = {}): InstanceLock {
  const file = path.join(dataDir, opts.fileName ?? LOCK_FILE_NAME);
  const isAlive = opts.isAlive ?? isProcessAlive;
  const graceMs = opts.partialGraceMs ?? 2000;
  const record: LockRecord = {
    pid: process.pid,
    host: os.hostname(),
    token: randomBytes(12).toString('hex'),
    since: new Date().toISOString(),
  };
  const deadline = Date.now() + graceMs + 1000;
  while (Date.now() < deadline) {
    if (tryCreate(file, record)) return ownedLock(file, record.token);
    const holder = readRecord(file);
    if (holder === undefined) {
      // Unreadable: being written this instant (young file) or garbage left by a crash (old file).
      if (ageMs(file) < graceMs) sleepSync(25);
      else takeOverStale(file, undefined);
      continue;
    }
    const live = holder.host !== record.host || isAlive(holder.pid);
    if (live) throw localizedError('STORE_LOCKED', { pid: holder.pid, host: holder.host, since: holder.since });
    takeOverStale(file, holder.token);
  }
  const holder = readRecord(file);
  throw localizedError('STORE_LOCKED', { pid: holder?.pid ?? null, host: holder?.host ?? null });
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function ownedLock(file: string, token: string): InstanceLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readRecord(file)?.token === token) {
      try {
        unlinkSync(file);
      } catch {
        // gone already
      }
    }
  };
  process.on('exit', release);
  return { path: file, release };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
