/**
 * Disk full and read-only data folders, simulated with a real tmpfs mount (tests run as root, where chmod would not
 * stop writes). Skipped, with the reason, where mounting is not permitted.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

import { openAppStore } from '@core/store/app-store';
import { tempDir } from '@test/fixtures/ipc-kit';
import { afterEach, describe, expect, it } from 'vitest';

const draft = (displayName: string) =>
  ({
    displayName,
    tenantLabel: '',
    mailboxUser: 'a@contoso.de',
    host: 'outlook.office365.com',
    port: 993,
    security: 'tls',
  }) as const;

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

describe('store writes that fail', () => {
  it('disk full: typed STORE_WRITE_FAILED, previous file byte-identical, memory unchanged, no temp litter', (ctx) => {
    const dir = mountOrSkip((n) => ctx.skip(n));
    const store = openAppStore({ dataDir: dir });
    store.createProfile(draft('Eins'));
    store.createProfile(draft('Zwei'));
    const before = readFileSync(store.filePath);
    const filler = fillUp(dir);

    expect(() => store.createProfile(draft('Drei'))).toThrow(
      expect.objectContaining({ code: 'STORE_WRITE_FAILED', details: expect.objectContaining({ cause: 'ENOSPC' }) }),
    );
    expect(readFileSync(store.filePath)).toEqual(before);
    expect(store.listProfiles().map((p) => p.displayName)).toEqual(['Eins', 'Zwei']);
    expect(readdirSync(dir).sort()).toEqual(['filler.bin', 'store.json']);
    // A second store opened on the same folder sees the previous state.
    expect(openAppStore({ dataDir: dir }).listProfiles()).toHaveLength(2);

    unlinkSync(filler);
    store.createProfile(draft('Drei'));
    expect(openAppStore({ dataDir: dir }).listProfiles()).toHaveLength(3);
  });

  it('read-only folder: typed STORE_WRITE_FAILED, previous file intact', (ctx) => {
    const dir = mountOrSkip((n) => ctx.skip(n));
    const store = openAppStore({ dataDir: dir });
    store.createProfile(draft('Eins'));
    store.updateSettings({ language: 'en' });
    const before = readFileSync(store.filePath);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    try {
      expect(() => store.updateSettings({ language: 'de' })).toThrow(
        expect.objectContaining({ code: 'STORE_WRITE_FAILED', details: expect.objectContaining({ cause: 'EROFS' }) }),
      );
      expect(store.getSettings().language).toBe('en');
      expect(readFileSync(store.filePath)).toEqual(before);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', dir]);
    }
  });

  it('read-only folder with a corrupt file: the app still starts, from memory, and says so', (ctx) => {
    const dir = mountOrSkip((n) => ctx.skip(n));
    writeFileSync(path.join(dir, 'store.json'), '{"broken":');
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    try {
      const store = openAppStore({ dataDir: dir });
      expect(store.loadEvents).toEqual([{ kind: 'recovered', reason: 'not-json', backupPath: null }]);
      expect(store.listProfiles()).toEqual([]);
      expect(() => store.createProfile(draft('Eins'))).toThrow(expect.objectContaining({ code: 'STORE_WRITE_FAILED' }));
      expect(readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe('{"broken":');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', dir]);
    }
  });
});
