import {
  closeSync,
  copyFileSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { openAppStore } from '@core/store/app-store';
import { confBackendFactory } from '@core/store/conf-backend';
import { migrateDocument } from '@core/store/migrations';
import { createVaultServices } from '@core/vault/vault-services';
import { invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import { createMemoryKeychain } from '@test/fixtures/memory-keychain';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('../../fixtures/store/v1.json', import.meta.url));
const NOW = new Date('2026-11-20T09:00:00.000Z');
const draft = {
  displayName: 'P',
  tenantLabel: '',
  mailboxUser: '',
  host: 'h.example',
  port: 993,
  security: 'tls',
} as const;

function writeStore(dir: string, contents: string | Buffer): string {
  const file = path.join(dir, 'store.json');
  writeFileSync(file, contents);
  return file;
}

describe('corrupt store files never stop the app', () => {
  const valid = JSON.stringify({
    schemaVersion: 3,
    profiles: [],
    progress: {},
    reports: {},
    settings: { language: 'en', windowState: null },
  });
  const cases: [string, string | Buffer, string][] = [
    ['not JSON', 'this is not json', 'not-json'],
    ['truncated', valid.slice(0, valid.length - 7), 'not-json'],
    ['empty', '', 'not-json'],
    ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]), 'not-json'],
    [
      'schema failure',
      JSON.stringify({ schemaVersion: 3, profiles: 'nope', progress: {}, reports: {}, settings: {} }),
      'schema',
    ],
    ['a JSON array', '[1,2,3]', 'schema'],
    ['invalid profile inside', valid.replace('"profiles":[]', '"profiles":[{"id":"a","displayName":""}]'), 'schema'],
    ['newer version', JSON.stringify({ schemaVersion: 99 }), 'newer-version'],
  ];

  it.each(cases)('%s → moved aside, clean start, notice', async (_name, contents, reason) => {
    const dir = tempDir();
    writeStore(dir, contents);
    const services = createVaultServices({ dataDir: dir, keychain: createMemoryKeychain(), now: () => NOW });
    const notices = okValue(await invoke(services.handlers, 'getNotices'));
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'store-recovered',
        reason,
        backupPath: path.join(dir, 'store.corrupt-2026-11-20T09-00-00-000Z.json'),
      }),
    ]);
    const backup = (notices[0] as { backupPath: string }).backupPath;
    expect(readFileSync(backup)).toEqual(Buffer.from(contents));
    expect(okValue(await invoke(services.handlers, 'listProfiles'))).toEqual([]);
    // The fresh store is usable and written.
    okValue(await invoke(services.handlers, 'createProfile', { displayName: 'Neu' }));
    expect(JSON.parse(readFileSync(path.join(dir, 'store.json'), 'utf8')).profiles).toHaveLength(1);
  });

  it('a huge file is moved aside without being read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'store.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 40 * 1024 * 1024); // sparse: no real disk use
    closeSync(fd);
    const store = openAppStore({ dataDir: dir, now: () => NOW });
    expect(store.loadEvents).toEqual([
      { kind: 'recovered', reason: 'too-large', backupPath: expect.stringContaining('store.corrupt-') },
    ]);
    const backup = (store.loadEvents[0] as { backupPath: string }).backupPath;
    expect(statSync(backup).size).toBe(40 * 1024 * 1024);
    expect(store.listProfiles()).toEqual([]);
  });

  it('a folder where the file should be is moved aside too', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'store.json'));
    const store = openAppStore({ dataDir: dir, now: () => NOW });
    expect(store.loadEvents).toEqual([
      { kind: 'recovered', reason: 'unreadable', backupPath: expect.stringContaining('store.corrupt-') },
    ]);
    store.createProfile(draft);
    expect(statSync(path.join(dir, 'store.json')).isFile()).toBe(true);
  });

  it('two recoveries in the same millisecond keep both backups', () => {
    const dir = tempDir();
    writeStore(dir, 'first');
    openAppStore({ dataDir: dir, now: () => NOW });
    writeStore(dir, 'second');
    openAppStore({ dataDir: dir, now: () => NOW });
    const backups = readdirSync(dir)
      .filter((f) => f.startsWith('store.corrupt-'))
      .sort();
    expect(backups).toEqual([
      'store.corrupt-2026-11-20T09-00-00-000Z-1.json',
      'store.corrupt-2026-11-20T09-00-00-000Z.json',
    ]);
  });

  it('conf alone would throw on such a file: this is what the store guards against', () => {
    const dir = tempDir();
    writeStore(dir, '{"truncated": ');
    expect(() => confBackendFactory({ cwd: dir, name: 'store' })).toThrow(SyntaxError);
  });
});

describe('migrations', () => {
  it('upgrades the v1 fixture (foundation format), keeps a backup, and does it only once', async () => {
    const dir = tempDir();
    copyFileSync(fixture, path.join(dir, 'store.json'));
    const services = createVaultServices({ dataDir: dir, keychain: createMemoryKeychain(), now: () => NOW });
    expect(okValue(await invoke(services.handlers, 'getPreferences'))).toEqual({
      language: 'en',
      windowState: null,
    });
    const notices = okValue(await invoke(services.handlers, 'getNotices'));
    expect(notices).toEqual([expect.objectContaining({ kind: 'store-migrated', fromVersion: 1, toVersion: 3 })]);
    const backup = (notices[0] as { backupPath: string }).backupPath;
    expect(path.basename(backup)).toBe('store.v1-backup-2026-11-20T09-00-00-000Z.json');
    expect(readFileSync(backup, 'utf8')).toBe(readFileSync(fixture, 'utf8'));
    expect(JSON.parse(readFileSync(path.join(dir, 'store.json'), 'utf8'))).toMatchObject({
      schemaVersion: 3,
      settings: { language: 'en' },
    });

    const again = createVaultServices({ dataDir: dir, keychain: createMemoryKeychain(), now: () => NOW });
    expect(again.store.loadEvents).toEqual([]);
    expect(again.settings.get()).toEqual({ language: 'en' });
  });

  it('v2 → v3 drops the global retest policy and keeps everything else', async () => {
    const dir = tempDir();
    const profile = {
      id: 'p1',
      displayName: 'Eingang',
      tenantLabel: '',
      mailboxUser: 'a@contoso.example',
      host: 'outlook.office365.com',
      port: 993,
      security: 'tls',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    writeStore(
      dir,
      JSON.stringify({
        schemaVersion: 2,
        profiles: [profile],
        progress: {},
        reports: {},
        settings: {
          language: 'en',
          retestPolicy: { enabled: true, intervalMinutes: 30, maxAttemptsPerHour: 2, giveUpAfterHours: 24 },
          windowState: null,
        },
      }),
    );
    const services = createVaultServices({ dataDir: dir, keychain: createMemoryKeychain(), now: () => NOW });
    expect(okValue(await invoke(services.handlers, 'getPreferences'))).toEqual({ language: 'en', windowState: null });
    expect(okValue(await invoke(services.handlers, 'listProfiles')).map((p) => p.id)).toEqual(['p1']);
    const notices = okValue(await invoke(services.handlers, 'getNotices'));
    expect(notices).toEqual([expect.objectContaining({ kind: 'store-migrated', fromVersion: 2, toVersion: 3 })]);
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'store.json'), 'utf8')) as {
      schemaVersion: number;
      settings: object;
    };
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.settings).not.toHaveProperty('retestPolicy');
  });

  it('a v1 file with an unusable language falls back to German instead of failing', () => {
    const dir = tempDir();
    writeStore(dir, JSON.stringify({ settings: { language: 'fr' }, somethingOld: 1 }));
    const store = openAppStore({ dataDir: dir, now: () => NOW });
    expect(store.getSettings().language).toBe('de');
    expect(store.loadEvents.map((e) => e.kind)).toEqual(['migrated']);
  });

  it('runs chained steps in order and refuses gaps', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, schemaVersion: 2, trail: ['1→2'] }),
      2: (d: Record<string, unknown>) => ({
        ...d,
        schemaVersion: 3,
        trail: [...((d.trail as string[] | undefined) ?? []), '2→3'],
      }),
    };
    expect(migrateDocument({}, 3, steps)).toEqual({
      kind: 'migrated',
      fromVersion: 1,
      document: { schemaVersion: 3, trail: ['1→2', '2→3'] },
    });
    expect(migrateDocument({ schemaVersion: 2 }, 3, steps)).toEqual({
      kind: 'migrated',
      fromVersion: 2,
      document: { schemaVersion: 3, trail: ['2→3'] },
    });
    expect(migrateDocument({ schemaVersion: 1 }, 3, { 2: steps[2] })).toEqual({ kind: 'invalid' });
    expect(migrateDocument({ schemaVersion: 4 }, 3, steps)).toEqual({ kind: 'newer', version: 4 });
    expect(migrateDocument({ schemaVersion: 'two' }, 3, steps)).toEqual({ kind: 'invalid' });
  });
});
