import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { acquireInstanceLock, LOCK_FILE_NAME } from '@core/store/instance-lock';
import { tempDir } from '@test/fixtures/ipc-kit';
import { describe, expect, it } from 'vitest';

const lockModule = fileURLToPath(new URL('../../../main/core/store/instance-lock.ts', import.meta.url));

/** A PID that certainly belonged to a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function plantLock(dir: string, record: object): string {
  const file = path.join(dir, LOCK_FILE_NAME);
  writeFileSync(file, JSON.stringify(record));
  return file;
}

describe('instance lock', () => {
  it('refuses a second holder in the same process and frees on release', () => {
    const dir = tempDir();
    const first = acquireInstanceLock(dir);
    expect(() => acquireInstanceLock(dir)).toThrow(
      expect.objectContaining({
        code: 'STORE_LOCKED',
        details: expect.objectContaining({ pid: process.pid, host: os.hostname() }),
      }),
    );
    first.release();
    first.release();
    expect(existsSync(first.path)).toBe(false);
    acquireInstanceLock(dir).release();
  });

  it('refuses while another process holds it; takes over once that process died without cleaning up', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import(${JSON.stringify(lockModule)}).then((m) => { m.acquireInstanceLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
        child.once('exit', () => reject(new Error('child exited before locking')));
      });
      expect(() => acquireInstanceLock(dir)).toThrow(
        expect.objectContaining({ code: 'STORE_LOCKED', details: expect.objectContaining({ pid: child.pid }) }),
      );
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    // SIGKILL: no exit handler ran, the lock file is still there, but its PID is gone.
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(child.pid);
    const lock = acquireInstanceLock(dir);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('a process that exits normally releases its lock', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import(${JSON.stringify(lockModule)}).then((m) => m.acquireInstanceLock(${JSON.stringify(dir)}));`,
      ],
      {
        stdio: 'inherit',
      },
    );
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('takes over a stale lock of a dead PID on this host', () => {
    const dir = tempDir();
    plantLock(dir, { pid: deadPid(), host: os.hostname(), token: 'old', since: '2026-01-01T00:00:00Z' });
    const lock = acquireInstanceLock(dir);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('respects a lock from another host (its PID cannot be checked from here)', () => {
    const dir = tempDir();
    plantLock(dir, { pid: deadPid(), host: 'other-machine', token: 't', since: '' });
    expect(() => acquireInstanceLock(dir)).toThrow(
      expect.objectContaining({ code: 'STORE_LOCKED', details: expect.objectContaining({ host: 'other-machine' }) }),
    );
  });

  it('garbage lock files: waited on while young, taken over when old', () => {
    const dir = tempDir();
    const file = plantLock(dir, {});
    writeFileSync(file, 'garbage');
    const t0 = Date.now();
    const lock = acquireInstanceLock(dir, { partialGraceMs: 300 });
    // It waited for the grace period before deciding the half-written file was garbage.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    lock.release();

    writeFileSync(file, 'garbage');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    acquireInstanceLock(dir).release();
  });

  it('never removes a lock it does not own', () => {
    const dir = tempDir();
    const lock = acquireInstanceLock(dir);
    writeFileSync(lock.path, JSON.stringify({ pid: 1, host: os.hostname(), token: 'someone-else', since: '' }));
    lock.release();
    expect(existsSync(lock.path)).toBe(true);
  });
});
