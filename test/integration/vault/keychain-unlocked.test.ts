/**
 * The vault against a real Secret Service (gnome-keyring on a private D-Bus session, throwaway keyring).
 * One keychain variant per file: @napi-rs/keyring binds to the first bus it sees for the whole process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { KEYCHAIN_SERVICE } from '@core/vault/keychain';
import { createNativeKeychain } from '@core/vault/native-keychain';
import { createVaultServices, type VaultServices } from '@core/vault/vault-services';
import { errorOf, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import {
  bindProcessToBus,
  type KeyringSession,
  startKeyringSession,
  verifyNativeKeyringTalksTo,
} from '@test/fixtures/keyring-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let session: KeyringSession;
let services: VaultServices;
let dataDir: string;
const h = () => services.handlers;

beforeAll(async () => {
  session = await startKeyringSession('unlocked');
  bindProcessToBus(session.busAddress);
  await verifyNativeKeyringTalksTo(session);
  // A short call deadline so the frozen-keychain test below stays quick.
  dataDir = tempDir();
  services = createVaultServices({
    dataDir,
    keychain: createNativeKeychain({ timeoutMs: 1500 }),
    orphanScanTimeoutMs: 3000,
  });
});

afterAll(async () => {
  await services?.dispose();
  await session?.stop();
});

async function newProfile(displayName = 'Rechnungen') {
  return okValue(await invoke(h(), 'createProfile', { displayName, mailboxUser: 'rechnung@contoso.de' }));
}

describe('vault on a real Secret Service', () => {
  it('round-trips Unicode and 4 KiB secrets; the item carries our service and account attributes', async () => {
    const p = await newProfile();
    const unicode = 'Pässwörd – ÄÖÜß € 漢字 🔐 \u00a0end';
    const big = 'ä'.repeat(2048); // 4 KiB of UTF-8
    expect(Buffer.byteLength(big)).toBe(4096);
    for (const [kind, secret] of [
      ['app-password', unicode],
      ['oauth-refresh-token', big],
    ] as const) {
      expect(okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind, secret }))).toEqual({
        storage: 'keychain',
      });
      expect(await services.getSecret(p.id, kind)).toBe(secret);
    }
    // Independent check through the Secret Service itself: the short secret is one plain item; the long one is a
    // manifest plus chunk items (keychain-chunks.test.ts covers those in depth).
    expect(await session.lookup(KEYCHAIN_SERVICE, `${p.id}:app-password`)).toBe(unicode);
    expect(await session.lookup(KEYCHAIN_SERVICE, `${p.id}:oauth-refresh-token`)).toMatch(
      /^chunks:v1:0:3:[0-9a-f]{16}$/,
    );
    expect((await session.searchAccounts(KEYCHAIN_SERVICE)).sort()).toEqual(
      [
        `${p.id}:app-password`,
        `${p.id}:oauth-refresh-token`,
        ...[0, 1, 2].map((i) => `${p.id}:oauth-refresh-token#${i}`),
      ].sort(),
    );
  });

  it('round-trips a secret of the maximum accepted size (16 KiB)', async () => {
    const p = await newProfile();
    const max = 'M'.repeat(16 * 1024);
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'oauth-refresh-token', secret: max }));
    expect(await services.getSecret(p.id, 'oauth-refresh-token')).toBe(max);
  });

  it('overwrites in place (one item per profile and kind)', async () => {
    const p = await newProfile();
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: 'first-one' }));
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: 'second-one' }));
    expect((await session.searchAccounts(KEYCHAIN_SERVICE)).filter((a) => a.startsWith(p.id))).toEqual([
      `${p.id}:app-password`,
    ]);
    expect(await services.getSecret(p.id, 'app-password')).toBe('second-one');
  });

  it('a missing entry is "not saved yet"', async () => {
    const p = await newProfile();
    expect(okValue(await invoke(h(), 'secretStatus', { profileId: p.id, kind: 'app-password' }))).toEqual({
      saved: false,
      storage: null,
    });
    expect(await services.getSecret(p.id, 'app-password')).toBeNull();
    expect(okValue(await invoke(h(), 'deleteSecret', { profileId: p.id, kind: 'app-password' }))).toEqual({
      removed: false,
    });
  });

  it('refuses empty and oversized secrets before reaching the keychain', async () => {
    const p = await newProfile();
    errorOf(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: '' }), 'SECRET_EMPTY');
    errorOf(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: ' \t ' }), 'SECRET_EMPTY');
    errorOf(
      await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: 'x'.repeat(16 * 1024 + 1) }),
      'SECRET_TOO_LONG',
    );
    expect(await session.lookup(KEYCHAIN_SERVICE, `${p.id}:app-password`)).toBeNull();
  });

  it('deleteSecret and deleteProfile remove the items from the Secret Service', async () => {
    const p = await newProfile();
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: 'to-delete' }));
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'oauth-refresh-token', secret: 'token' }));
    expect(okValue(await invoke(h(), 'deleteSecret', { profileId: p.id, kind: 'app-password' }))).toEqual({
      removed: true,
    });
    expect(await session.lookup(KEYCHAIN_SERVICE, `${p.id}:app-password`)).toBeNull();
    expect(await services.deleteProfile(p.id)).toEqual({
      id: p.id,
      secretsRemoved: ['oauth-refresh-token'],
    });
    expect((await session.searchAccounts(KEYCHAIN_SERVICE)).filter((a) => a.startsWith(p.id))).toEqual([]);
  });

  it('detects orphans at start-up and removes only those', async () => {
    const keep = await newProfile('Bleibt');
    okValue(await invoke(h(), 'saveSecret', { profileId: keep.id, kind: 'app-password', secret: 'keep-me' }));
    await session.store(KEYCHAIN_SERVICE, 'deleted-elsewhere:app-password', 'left over');
    await session.store('some-other-app', 'deleted-elsewhere:app-password', 'not ours');

    // A fresh start on the same data dir (as after a crash that lost the profile).
    const restarted = createVaultServices({ dataDir, keychain: createNativeKeychain() });
    try {
      const notices = okValue(await invoke(restarted.handlers, 'getNotices'));
      const orphanNotice = notices.find((n) => n.kind === 'orphan-secrets');
      const orphans = okValue(await invoke(restarted.handlers, 'listOrphanSecrets'));
      expect(orphans).toContainEqual({
        account: 'deleted-elsewhere:app-password',
        profileId: 'deleted-elsewhere',
        kind: 'app-password',
      });
      expect(orphans.map((o) => o.account)).not.toContain(`${keep.id}:app-password`);
      expect(orphanNotice).toMatchObject({ count: orphans.length });

      const removed = okValue(
        await invoke(restarted.handlers, 'removeOrphanSecrets', {
          accounts: ['deleted-elsewhere:app-password', `${keep.id}:app-password`],
        }),
      );
      expect(removed).toEqual({ removed: ['deleted-elsewhere:app-password'], skipped: [`${keep.id}:app-password`] });
      expect(await session.lookup(KEYCHAIN_SERVICE, 'deleted-elsewhere:app-password')).toBeNull();
      expect(await session.lookup('some-other-app', 'deleted-elsewhere:app-password')).toBe('not ours');
      expect(await session.lookup(KEYCHAIN_SERVICE, `${keep.id}:app-password`)).toBe('keep-me');
    } finally {
      await restarted.dispose();
    }
  });

  it('a hanging keychain never blocks the main thread: KEYCHAIN_TIMEOUT within the deadline, then recovery', async () => {
    const p = await newProfile();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    session.freeze();
    loop.enable();
    const t0 = Date.now();
    let result;
    try {
      result = await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: 'while-frozen' });
    } finally {
      loop.disable();
      session.thaw();
    }
    const elapsed = Date.now() - t0;
    errorOf(result, 'KEYCHAIN_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(1500 + 500);
    // The main thread kept serving: no stall anywhere near the 1.5 s the keychain hung.
    expect(loop.max / 1e6).toBeLessThan(300);
    // After the keychain answers again, the vault works with a fresh worker.
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: 'after-thaw' }));
    expect(await services.getSecret(p.id, 'app-password')).toBe('after-thaw');
  });
});
