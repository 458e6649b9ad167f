/**
 * Long secrets split into chunk items, against a real Secret Service (gnome-keyring on a private bus). Linux has no
 * per-item limit, but the same code path is what keeps Windows under its 2,560-byte Credential Manager limit, so
 * the chunks themselves are checked against that limit here.
 */
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

/** Windows Credential Manager's limit per item (CRED_MAX_CREDENTIAL_BLOB_SIZE), in bytes of UTF-16. */
const WINDOWS_ITEM_BYTES = 2560;

let session: KeyringSession;
let services: VaultServices;
let dataDir: string;
const h = () => services.handlers;
const KIND = 'oauth-refresh-token' as const;

beforeAll(async () => {
  session = await startKeyringSession('unlocked');
  bindProcessToBus(session.busAddress);
  await verifyNativeKeyringTalksTo(session);
  dataDir = tempDir();
  services = createVaultServices({
    dataDir,
    keychain: createNativeKeychain({ timeoutMs: 20_000 }),
    orphanScanTimeoutMs: 10_000,
  });
});

afterAll(async () => {
  await services?.dispose();
  await session?.stop();
});

/** A secret of exactly `bytes` UTF-8 bytes, mixing ASCII, umlauts (2 bytes), € (3) and emoji (4, a surrogate pair). */
function mixedSecret(bytes: number): string {
  const parts = ['Grüße', '-', 'ÄÖÜß', '€', '🔐', 'token', '😀', 'ä'];
  let s = '';
  for (let i = 0; Buffer.byteLength(s) < bytes - 8; i++) s += parts[i % parts.length];
  while (Buffer.byteLength(s) < bytes) s += 'x';
  expect(Buffer.byteLength(s)).toBe(bytes);
  return s;
}

async function newProfile(displayName = 'Lang') {
  return okValue(await invoke(h(), 'createProfile', { displayName, mailboxUser: 'lang@contoso.de' }));
}

const itemsOf = async (profileId: string) =>
  (await session.searchAccounts(KEYCHAIN_SERVICE)).filter((a) => a.startsWith(`${profileId}:`)).sort();
const chunkItems = async (profileId: string) => (await itemsOf(profileId)).filter((a) => a.includes('#'));

describe('long secrets in chunks on a real Secret Service', () => {
  for (const kib of [4, 16]) {
    it(`round-trips a ${kib} KiB secret with umlauts and emoji; every chunk would fit a Windows credential`, async () => {
      const p = await newProfile();
      const secret = mixedSecret(kib * 1024);
      expect(okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret }))).toEqual({
        storage: 'keychain',
      });
      expect(await services.getSecret(p.id, KIND)).toBe(secret);
      expect(okValue(await invoke(h(), 'secretStatus', { profileId: p.id, kind: KIND }))).toEqual({
        saved: true,
        storage: 'keychain',
      });

      // What the Secret Service holds, read with secret-tool: a manifest, then chunks that rejoin to the secret.
      const manifest = await session.lookup(KEYCHAIN_SERVICE, `${p.id}:${KIND}`);
      const m = /^chunks:v1:0:(\d+):[0-9a-f]{16}$/.exec(manifest ?? '');
      expect(m, String(manifest)).not.toBeNull();
      const count = Number(m![1]);
      expect(count).toBeGreaterThanOrEqual(Math.ceil(secret.length / 1000));
      const chunks: string[] = [];
      for (let i = 0; i < count; i++) chunks.push((await session.lookup(KEYCHAIN_SERVICE, `${p.id}:${KIND}#${i}`))!);
      expect(chunks.join('')).toBe(secret);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(1000);
        expect(Buffer.byteLength(c, 'utf16le')).toBeLessThanOrEqual(WINDOWS_ITEM_BYTES);
      }
      expect(await chunkItems(p.id)).toHaveLength(count);
    });
  }

  it('overwriting long with short and short with long leaves no stale chunk behind', async () => {
    const p = await newProfile();
    const long16 = mixedSecret(16 * 1024);
    const long4 = mixedSecret(4 * 1024);
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret: long16 }));
    const many = (await chunkItems(p.id)).length;
    expect(many).toBeGreaterThan(5);

    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret: 'kurz-ÄÖÜ-🔐' }));
    expect(await itemsOf(p.id)).toEqual([`${p.id}:${KIND}`]);
    expect(await session.lookup(KEYCHAIN_SERVICE, `${p.id}:${KIND}`)).toBe('kurz-ÄÖÜ-🔐');

    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret: long4 }));
    const few = (await chunkItems(p.id)).length;
    expect(few).toBeGreaterThan(1);
    expect(await services.getSecret(p.id, KIND)).toBe(long4);

    // Long to longer (written beside the old chunks, which then go) and back to long.
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret: long16 }));
    expect(await chunkItems(p.id)).toHaveLength(many);
    expect(await services.getSecret(p.id, KIND)).toBe(long16);
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret: long4 }));
    expect(await chunkItems(p.id)).toHaveLength(few);
    expect(await services.getSecret(p.id, KIND)).toBe(long4);
    expect(okValue(await invoke(h(), 'listOrphanSecrets')).filter((o) => o.profileId === p.id)).toEqual([]);
  });

  it("a chunk deleted behind the app's back is detected: typed error, never a shortened secret", async () => {
    const p = await newProfile();
    const secret = mixedSecret(4 * 1024);
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret }));
    const victim = (await chunkItems(p.id))[1]!;
    await session.clear(KEYCHAIN_SERVICE, victim);
    expect(await session.lookup(KEYCHAIN_SERVICE, victim)).toBeNull();

    await expect(services.getSecret(p.id, KIND)).rejects.toMatchObject({ code: 'KEYCHAIN_ENTRY_DAMAGED' });
    const status = okValue(await invoke(h(), 'secretStatus', { profileId: p.id, kind: KIND }));
    expect(status).toMatchObject({ saved: false, storage: null, keychainProblem: { code: 'KEYCHAIN_ENTRY_DAMAGED' } });
    // An altered chunk is caught as well.
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret }));
    const other = (await chunkItems(p.id))[0]!;
    const original = (await session.lookup(KEYCHAIN_SERVICE, other))!;
    await session.store(KEYCHAIN_SERVICE, other, `${original.slice(0, -1)}Z`);
    await expect(services.getSecret(p.id, KIND)).rejects.toMatchObject({ code: 'KEYCHAIN_ENTRY_DAMAGED' });
    // Saving again repairs it.
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret }));
    expect(await services.getSecret(p.id, KIND)).toBe(secret);
  });

  it('deleteSecret and deleteProfile remove every chunk item', async () => {
    const p = await newProfile();
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: KIND, secret: mixedSecret(4 * 1024) }));
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: mixedSecret(3000) }));
    expect((await chunkItems(p.id)).length).toBeGreaterThan(3);
    expect(okValue(await invoke(h(), 'deleteSecret', { profileId: p.id, kind: KIND }))).toEqual({ removed: true });
    expect((await itemsOf(p.id)).every((a) => a.startsWith(`${p.id}:app-password`))).toBe(true);
    expect(await services.deleteProfile(p.id)).toMatchObject({
      secretsRemoved: ['app-password'],
    });
    expect(await itemsOf(p.id)).toEqual([]);
  });

  it('the orphan scan lists the chunk items of a deleted profile, and removal takes them all', async () => {
    // A profile whose store entry vanished (another data folder, a crash) while its long secret stayed.
    const elsewhere = createVaultServices({ dataDir: tempDir(), keychain: createNativeKeychain() });
    const goneId = okValue(await invoke(elsewhere.handlers, 'createProfile', { displayName: 'Weg' })).id;
    try {
      okValue(
        await invoke(elsewhere.handlers, 'saveSecret', {
          profileId: goneId,
          kind: KIND,
          secret: mixedSecret(4 * 1024),
        }),
      );
    } finally {
      await elsewhere.dispose();
    }
    const chunks = await chunkItems(goneId);
    expect(chunks.length).toBeGreaterThan(1);

    const orphans = okValue(await invoke(h(), 'listOrphanSecrets')).filter((o) => o.profileId === goneId);
    expect(orphans).toEqual([
      { account: `${goneId}:${KIND}`, profileId: goneId, kind: KIND },
      ...chunks.map((_, i) => ({ account: `${goneId}:${KIND}#${i}`, profileId: goneId, kind: KIND, chunk: i })),
    ]);
    // The notice counts secrets, not items: this one is one entry however many chunks it has.
    const all = okValue(await invoke(h(), 'listOrphanSecrets'));
    const notices = okValue(await invoke(h(), 'getNotices'));
    expect(notices.find((n) => n.kind === 'orphan-secrets')).toMatchObject({
      count: new Set(all.map((o) => o.account.replace(/#\d+$/, ''))).size,
    });

    // Naming just the secret's own item removes its chunks with it.
    const removed = okValue(await invoke(h(), 'removeOrphanSecrets', { accounts: [`${goneId}:${KIND}`] }));
    expect(removed.removed.sort()).toEqual(orphans.map((o) => o.account).sort());
    expect(await itemsOf(goneId)).toEqual([]);
    errorOf(await invoke(h(), 'deleteSecret', { profileId: goneId, kind: KIND }), 'PROFILE_NOT_FOUND');
  });
});
