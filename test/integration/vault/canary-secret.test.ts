/**
 * A canary secret goes through the full path — contract validation, dispatcher, the composed services' handler
 * table, vault, keychain worker, real Secret Service — while the app does everything else that writes files
 * (store, progress, reports, export, logs, support bundle). Afterwards no file the app wrote contains it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Platform } from '@core/platform';
import { createServices, type Services } from '@core/services';
import { KEYCHAIN_SERVICE } from '@core/vault/keychain';
import { filesBelow, filesContaining, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import {
  bindProcessToBus,
  type KeyringSession,
  startKeyringSession,
  verifyNativeKeyringTalksTo,
} from '@test/fixtures/keyring-session';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CANARY = `canary-${Date.now().toString(36)}-Ünïcødé-€`;

let session: KeyringSession;
let services: Services;
let dataDir: string;
let exportsDir: string;

function fakePlatform(exportsDir: string): Platform {
  let clipboard = '';
  return {
    runtime: 'browser-harness',
    openPortal: async () => {},
    launchBrowser: async () => {},
    chooseSavePath: async (name) => path.join(exportsDir, path.basename(name)),
    openExternal: async () => {},
    writeClipboard: async (t) => void (clipboard = t),
    readClipboard: async () => clipboard,
    notify: () => {},
  };
}

beforeAll(async () => {
  session = await startKeyringSession('unlocked');
  bindProcessToBus(session.busAddress);
  await verifyNativeKeyringTalksTo(session);
  dataDir = tempDir('maa-canary-');
  exportsDir = tempDir('maa-canary-exports-');
  services = createServices({
    dataDir,
    platform: fakePlatform(exportsDir),
    appInfo: () => ({
      name: 'Mailadapter Assistant',
      version: '0.0.0-test',
      runtime: 'browser-harness',
      platform: process.platform,
      versions: {},
    }),
  });
});

afterAll(async () => {
  await services?.dispose();
  await session?.stop();
});

describe('canary secret', () => {
  it('is only in the keychain: zero hits in every file the app wrote', async () => {
    const h = services.handlers;
    const p = okValue(await invoke(h, 'createProfile', { displayName: 'Canary', mailboxUser: 'canary@contoso.de' }));
    expect(okValue(await invoke(h, 'saveSecret', { profileId: p.id, kind: 'app-password', secret: CANARY }))).toEqual({
      storage: 'keychain',
    });
    expect(okValue(await invoke(h, 'secretStatus', { profileId: p.id, kind: 'app-password' }))).toEqual({
      saved: true,
      storage: 'keychain',
    });

    // Everything else that persists something.
    okValue(await invoke(h, 'confirmStep', { profileId: p.id, stepId: 'appPassword' }));
    services.vault.recordReport(p.id, { outcome: 'auth-failed', serverLines: ['NO LOGIN failed.'] });
    okValue(await invoke(h, 'setWindowState', { width: 1000, height: 700 }));
    okValue(await invoke(h, 'setLanguage', { language: 'en' }));
    const exported = okValue(await invoke(h, 'exportProfiles', { dialog: true }));
    expect(exported.path).not.toBeNull();
    okValue(await invoke(h, 'importProfiles', { path: exported.path! }));
    await invoke(h, 'getNotices');
    // A wrong channel input that carries the secret must not echo it (validation errors name paths, not values).
    const rejected = await invoke(h, 'saveSecret', {
      profileId: p.id,
      kind: 'app-password',
      secret: CANARY,
      extra: 1,
    } as never);
    expect(JSON.stringify(rejected)).not.toContain(CANARY);
    const preview = okValue(await invoke(h, 'previewSupportBundle'));
    expect(JSON.stringify(preview)).not.toContain(CANARY);
    const bundle = okValue(await invoke(h, 'saveSupportBundle', { previewId: preview.previewId }));

    // The secret really is stored, in the private keychain.
    expect(await services.vault.getSecret(p.id, 'app-password')).toBe(CANARY);
    expect(await session.lookup(KEYCHAIN_SERVICE, `${p.id}:app-password`)).toBe(CANARY);

    const written = [...filesBelow(dataDir), ...filesBelow(exportsDir)];
    expect(written.some((f) => f.endsWith('store.json'))).toBe(true);
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    expect(filesContaining(exportsDir, CANARY)).toEqual([]);
    // The support bundle is compressed: look inside.
    expect(bundle).toMatchObject({ saved: true, path: expect.stringContaining(exportsDir) });
    if (bundle.saved) {
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync(bundle.path)))) {
        expect(Buffer.from(bytes).includes(Buffer.from(CANARY)), name).toBe(false);
      }
    }
    // Even the keyring file on disk holds it only encrypted.
    expect(filesContaining(path.join(session.dir, 'data'), CANARY)).toEqual([]);
  });
});
