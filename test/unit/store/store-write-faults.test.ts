/**
 * Disk full and read-only data folders for every document of the data folder, simulated with a real tmpfs mount
 * (tests run as root, where chmod would not stop writes). Skipped, with the reason, where mounting is not permitted.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

import { DOCUMENT_CASES } from '@test/fixtures/data-documents';
import { tempDir } from '@test/fixtures/ipc-kit';
import { afterEach, describe, expect, it } from 'vitest';

function tryMount(sizeKb: number): string | null {
  const dir = tempDir('maa-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) {
    execFileSync('umount', [dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
});

function mountOrSkip(skip: (note: string) => void, sizeKb = 256): string {
  const dir = tryMount(sizeKb);
  if (!dir) {
    skip('mount -t tmpfs is not permitted here, so disk-full/read-only cannot be simulated');
    throw new Error('unreachable');
  }
  mounts.push(dir);
  return dir;
}

/** Fills the file system until it refuses another byte. */
function fillUp(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
  return filler;
}

const NOW = new Date('2026-11-20T09:00:00.000Z');
const writeFailed = (cause?: string) =>
  expect.objectContaining({
    code: 'STORE_WRITE_FAILED',
    ...(cause ? { details: expect.objectContaining({ cause }) } : {}),
  });

describe.each(DOCUMENT_CASES)('$file: writes that fail', (doc) => {
  it('disk full: typed STORE_WRITE_FAILED, previous file byte-identical, memory unchanged, no temp litter', async (ctx) => {
    const dir = mountOrSkip((n) => ctx.skip(n));
    const opened = doc.open(dir, NOW);
    await opened.add('Eins');
    await opened.add('Zwei');
    const file = path.join(dir, doc.file);
    const before = readFileSync(file);
    const filler = fillUp(dir);

    await expect(opened.add('Drei')).rejects.toThrow(writeFailed('ENOSPC'));
    expect(readFileSync(file)).toEqual(before);
    expect(await opened.entries()).toEqual(['Eins', 'Zwei']);
    expect(readdirSync(dir).sort()).toEqual([doc.file, 'filler.bin'].sort());
    // A second opening of the same folder sees the previous state.
    expect(await doc.open(dir, NOW).entries()).toEqual(['Eins', 'Zwei']);

    unlinkSync(filler);
    await opened.add('Drei');
    expect(await doc.open(dir, NOW).entries()).toEqual(['Drei', 'Eins', 'Zwei']);
  });

  it('read-only folder: typed STORE_WRITE_FAILED, previous file intact', async (ctx) => {
    const dir = mountOrSkip((n) => ctx.skip(n));
    const opened = doc.open(dir, NOW);
    await opened.add('Eins');
    const before = readFileSync(path.join(dir, doc.file));
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    try {
      await expect(opened.add('Zwei')).rejects.toThrow(writeFailed('EROFS'));
      expect(await opened.entries()).toEqual(['Eins']);
      expect(readFileSync(path.join(dir, doc.file))).toEqual(before);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', dir]);
    }
  });

  it('read-only folder with a corrupt file: the app still starts, from memory, and says so', async (ctx) => {
    const dir = mountOrSkip((n) => ctx.skip(n));
    writeFileSync(path.join(dir, doc.file), '{"broken":');
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    try {
      const opened = doc.open(dir, NOW);
      expect(opened.events).toEqual([{ kind: 'recovered', document: doc.name, reason: 'not-json', backupPath: null }]);
      expect(await opened.entries()).toEqual([]);
      await expect(opened.add('Eins')).rejects.toThrow(writeFailed());
      expect(readFileSync(path.join(dir, doc.file), 'utf8')).toBe('{"broken":');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', dir]);
    }
    // Writable again: the broken file is moved aside before the first write, never written over.
    const opened = doc.open(dir, NOW);
    await opened.add('Eins');
    const aside = readdirSync(dir).filter((f) => f.startsWith(`${doc.name}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe('{"broken":');
  });
});
