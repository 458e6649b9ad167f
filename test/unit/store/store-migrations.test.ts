/** Store migrations: old formats upgrade once, with a backup and a notice. */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { openAppStore } from '@core/store/app-store';
import { migrateRaw } from '@core/store/document-spec';
import { createVaultServices } from '@core/vault/vault-services';
import { invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import { createMemoryKeychain } from '@test/fixtures/memory-keychain';
import { describe, expect, it } from 'vitest';

import { fixture, NOW, writeStore } from './store-kit';

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
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'store-migrated', document: 'store', fromVersion: 1, toVersion: 3 }),
    ]);
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
    const spec = (
      version: number,
      migrations: Record<number, (d: Record<string, unknown>) => Record<string, unknown>>,
    ) => ({
      version,
      versionKey: 'schemaVersion',
      unversioned: 1,
      migrations,
    });
    const migrateDocument = (raw: unknown, version: number, migrations: Parameters<typeof spec>[1]) =>
      migrateRaw(raw, spec(version, migrations));
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
