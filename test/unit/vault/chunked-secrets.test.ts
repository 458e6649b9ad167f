/**
 * Long secrets as several keychain items (chunk-format.ts, chunked-items.ts), on an in-memory keychain with a
 * tiny chunk size so every path is cheap to reach. The real Secret Service runs the same code in
 * test/integration/vault/keychain-chunks.test.ts.
 */
import { digestOf, splitSecret } from '@core/vault/chunk-format';
import { createCredentialVault, type CredentialVault } from '@core/vault/credential-vault';
import { type Keychain, KeychainFailure } from '@core/vault/keychain';
import { invoke, okValue } from '@test/fixtures/ipc-kit';
import { createMemoryKeychain, type MemoryKeychain } from '@test/fixtures/memory-keychain';
import { vaultKit } from '@test/fixtures/vault-kit';
import { describe, expect, it } from 'vitest';

const P = 'profile-1';
const PRIMARY = `${P}:oauth-refresh-token`;
const live = (id: string) => id === P;

/** The memory keychain, with a hook that may fail chosen calls (as the native layer would). */
function faultyKeychain(kc: MemoryKeychain, fail: (op: string, account: string) => KeychainFailure | null): Keychain {
  const guard = (op: string, account: string) => {
    const err = fail(op, account);
    if (err) throw err;
  };
  return {
    set: async (a, s) => (guard('set', a), kc.set(a, s)),
    get: async (a) => (guard('get', a), kc.get(a)),
    delete: async (a) => (guard('delete', a), kc.delete(a)),
    listAccounts: () => kc.listAccounts(),
    dispose: () => kc.dispose(),
  };
}

function setup(chunkSize = 8) {
  const kc = createMemoryKeychain();
  return { kc, vault: createCredentialVault(kc, { chunkSize }) };
}

const accounts = (kc: MemoryKeychain) => [...kc.entries.keys()].sort();
const chunkNames = (kc: MemoryKeychain) => accounts(kc).filter((a) => a.includes('#'));

describe('splitting', () => {
  it('never cuts a surrogate pair, keeps every chunk within the size, and rejoins to the original', () => {
    const alphabet = ['a', 'ä', '€', '🔐', '👩‍💻', '漢', '\u00a0'];
    for (let n = 0; n < 300; n++) {
      let secret = '';
      for (let i = 0; i < 1 + (n % 37); i++) secret += alphabet[(n * 7 + i * 3) % alphabet.length];
      for (const size of [2, 3, 5, 8]) {
        const chunks = splitSecret(secret, size);
        expect(chunks.join('')).toBe(secret);
        for (const c of chunks) {
          expect(c.length).toBeGreaterThan(0);
          expect(c.length).toBeLessThanOrEqual(size);
          // Every chunk is well-formed UTF-16, so it survives a UTF-8 round trip unchanged.
          expect(Buffer.from(c, 'utf8').toString('utf8')).toBe(c);
        }
      }
    }
    expect(() => splitSecret('abc', 1)).toThrow(RangeError);
  });
});

describe('chunked secrets in the vault', () => {
  it('keeps a secret that fits as one plain item, exactly as before chunking', async () => {
    const { kc, vault } = setup();
    await vault.save(P, 'oauth-refresh-token', '12345678');
    expect(accounts(kc)).toEqual([PRIMARY]);
    expect(kc.entries.get(PRIMARY)).toBe('12345678');
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe('12345678');
  });

  it('stores a longer one as chunks plus a manifest and reads it back whole', async () => {
    const { kc, vault } = setup();
    const secret = 'Grüße-🔐-aus-Köln-€-漢字-' + 'x'.repeat(20);
    await vault.save(P, 'oauth-refresh-token', secret);
    const n = splitSecret(secret, 8).length;
    expect(kc.entries.get(PRIMARY)).toBe(`chunks:v1:0:${n}:${digestOf(secret)}`);
    expect(chunkNames(kc)).toEqual(Array.from({ length: n }, (_, i) => `${PRIMARY}#${i}`).sort());
    for (const name of chunkNames(kc)) expect(kc.entries.get(name)!.length).toBeLessThanOrEqual(8);
    expect(await vault.read(P, 'oauth-refresh-token')).toEqual({ secret, storage: 'keychain' });
    expect(await vault.status(P, 'oauth-refresh-token')).toEqual({ saved: true, storage: 'keychain' });
  });

  it('a short secret that looks like a manifest is chunked, so it can never be mistaken for one', async () => {
    const { kc, vault } = setup(64);
    const sneaky = 'chunks:v1:0:1:0123456789abcdef';
    await vault.save(P, 'oauth-refresh-token', sneaky);
    expect(kc.entries.get(PRIMARY)).not.toBe(sneaky);
    expect(chunkNames(kc)).toEqual([`${PRIMARY}#0`]);
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe(sneaky);
  });

  it('overwrites long→long beside the old chunks, long→short and short→long, leaving no stale chunk', async () => {
    const { kc, vault } = setup();
    const long1 = 'A'.repeat(40); // 5 chunks at 0..4
    const long2 = 'B'.repeat(56); // 7 chunks: cannot start below 5, so 5..11
    const long3 = 'C'.repeat(24); // 3 chunks: fit below 5, so 0..2
    await vault.save(P, 'oauth-refresh-token', long1);
    await vault.save(P, 'oauth-refresh-token', long2);
    expect(kc.entries.get(PRIMARY)).toMatch(/^chunks:v1:5:7:/);
    expect(chunkNames(kc)).toHaveLength(7);
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe(long2);
    await vault.save(P, 'oauth-refresh-token', long3);
    expect(kc.entries.get(PRIMARY)).toMatch(/^chunks:v1:0:3:/);
    expect(chunkNames(kc)).toEqual([0, 1, 2].map((i) => `${PRIMARY}#${i}`));
    await vault.save(P, 'oauth-refresh-token', 'short');
    expect(accounts(kc)).toEqual([PRIMARY]);
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe('short');
    await vault.save(P, 'oauth-refresh-token', long2);
    expect(chunkNames(kc)).toHaveLength(7);
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe(long2);
  });

  it('a missing, altered or swapped chunk and a mangled manifest are KEYCHAIN_ENTRY_DAMAGED, never a wrong secret', async () => {
    const { kc, vault } = setup();
    const secret = ['D', 'E', 'F', 'G', 'H'].map((c) => c.repeat(8)).join('');
    const damaged = async () => {
      await expect(vault.read(P, 'oauth-refresh-token')).rejects.toMatchObject({ code: 'KEYCHAIN_ENTRY_DAMAGED' });
      expect(await vault.status(P, 'oauth-refresh-token')).toEqual({
        saved: false,
        storage: null,
        keychainProblem: { code: 'KEYCHAIN_ENTRY_DAMAGED', message: expect.stringMatching(/save the password again/i) },
      });
    };
    await vault.save(P, 'oauth-refresh-token', secret);
    kc.entries.delete(`${PRIMARY}#2`);
    await damaged();

    await vault.save(P, 'oauth-refresh-token', secret);
    const first = kc.entries.get(PRIMARY)!.split(':')[2];
    kc.entries.set(`${PRIMARY}#${first}`, 'DDDDDDDX');
    await damaged();

    await vault.save(P, 'oauth-refresh-token', secret);
    const [a, b] = chunkNames(kc);
    const [va, vb] = [kc.entries.get(a!)!, kc.entries.get(b!)!];
    kc.entries.set(a!, vb);
    kc.entries.set(b!, va);
    await damaged();

    kc.entries.set(PRIMARY, 'chunks:v1:0:two:xyz');
    await damaged();
    // Saving again repairs it.
    await vault.save(P, 'oauth-refresh-token', secret);
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe(secret);
  });

  it('delete and deleteAllFor remove every chunk; the secret is gone first, so a cut-off delete leaves no half secret', async () => {
    const { kc, vault } = setup();
    await vault.save(P, 'oauth-refresh-token', 'L'.repeat(30));
    await vault.save(P, 'app-password', 'kurz');
    expect(await vault.delete(P, 'oauth-refresh-token')).toEqual({ removed: true });
    expect(accounts(kc)).toEqual([`${P}:app-password`]);

    await vault.save(P, 'oauth-refresh-token', 'L'.repeat(30));
    await vault.save(P, 'app-password', 'P'.repeat(17));
    expect(await vault.deleteAllFor(P)).toEqual({ removed: ['app-password', 'oauth-refresh-token'] });
    expect(accounts(kc)).toEqual([]);

    // A delete cut off after the manifest went: nothing readable remains, the chunks show up as orphans.
    const kc2 = createMemoryKeychain();
    const cut = createCredentialVault(
      faultyKeychain(kc2, (op, acc) =>
        op === 'delete' && acc.includes('#') ? new KeychainFailure('Secret Service: object locked') : null,
      ),
      { chunkSize: 8 },
    );
    await cut.save(P, 'oauth-refresh-token', 'L'.repeat(30));
    expect(await cut.delete(P, 'oauth-refresh-token')).toEqual({ removed: true });
    expect(await cut.read(P, 'oauth-refresh-token')).toBeNull();
    const left = await createCredentialVault(kc2, { chunkSize: 8 }).listOrphans(live);
    expect(left.map((o) => o.chunk)).toEqual([0, 1, 2, 3]);
  });

  it('an interrupted save keeps the old secret readable; leftovers of a timed-out one are found and removed as orphans', async () => {
    const kc = createMemoryKeychain();
    let failure: KeychainFailure | null = null;
    const vault = createCredentialVault(
      faultyKeychain(kc, (op, acc) => (op === 'set' && acc === PRIMARY ? failure : null)),
      { chunkSize: 8 },
    );
    const old = 'O'.repeat(20);
    await vault.save(P, 'oauth-refresh-token', old);
    const before = accounts(kc);

    // A definite failure on the manifest: the new chunks are taken back at once.
    failure = new KeychainFailure('Secret Service: object locked');
    await expect(vault.save(P, 'oauth-refresh-token', 'N'.repeat(50))).rejects.toMatchObject({
      code: 'KEYCHAIN_LOCKED',
    });
    expect(accounts(kc)).toEqual(before);
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe(old);

    // A timeout: the call may still land later, so the new chunks stay — unreferenced, hence orphans.
    failure = new KeychainFailure('The keychain did not answer in time.', true);
    await expect(vault.save(P, 'oauth-refresh-token', 'N'.repeat(50))).rejects.toMatchObject({
      code: 'KEYCHAIN_TIMEOUT',
    });
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe(old);
    const orphans = await vault.listOrphans(live);
    expect(orphans.length).toBe(7);
    expect(orphans.every((o) => o.profileId === P && o.kind === 'oauth-refresh-token' && o.chunk! >= 3)).toBe(true);
    expect(await vault.removeOrphans(live)).toEqual({ removed: orphans.map((o) => o.account), skipped: [] });
    expect(accounts(kc)).toEqual(before);
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe(old);
    expect(await vault.listOrphans(live)).toEqual([]);
  });

  it('lists chunk items of deleted profiles as orphans, and removing the secret removes its chunks too', async () => {
    const { kc, vault } = setup();
    await vault.save('gone', 'oauth-refresh-token', 'G'.repeat(20));
    await vault.save(P, 'oauth-refresh-token', 'K'.repeat(20));
    const orphans = await vault.listOrphans(live);
    expect(orphans).toEqual([
      { account: 'gone:oauth-refresh-token', profileId: 'gone', kind: 'oauth-refresh-token' },
      { account: 'gone:oauth-refresh-token#0', profileId: 'gone', kind: 'oauth-refresh-token', chunk: 0 },
      { account: 'gone:oauth-refresh-token#1', profileId: 'gone', kind: 'oauth-refresh-token', chunk: 1 },
      { account: 'gone:oauth-refresh-token#2', profileId: 'gone', kind: 'oauth-refresh-token', chunk: 2 },
    ]);
    // The user picks the entry; its pieces go with it. A live secret's chunk is never touched.
    expect(await vault.removeOrphans(live, ['gone:oauth-refresh-token', `${PRIMARY}#0`])).toEqual({
      removed: [
        'gone:oauth-refresh-token',
        'gone:oauth-refresh-token#0',
        'gone:oauth-refresh-token#1',
        'gone:oauth-refresh-token#2',
      ],
      skipped: [`${PRIMARY}#0`],
    });
    expect(accounts(kc).every((a) => a.startsWith(P))).toBe(true);
    expect((await vault.read(P, 'oauth-refresh-token'))?.secret).toBe('K'.repeat(20));
  });

  it('the start-up notice counts a chunked orphan once, while the list shows each of its items', async () => {
    const kit = vaultKit(undefined, { chunkSize: 8 });
    await kit.services.vault.save('gone', 'oauth-refresh-token', 'G'.repeat(30));
    await kit.services.vault.save('gone', 'app-password', 'kurz');
    expect(okValue(await invoke(kit.services.handlers, 'listOrphanSecrets'))).toHaveLength(6);
    expect(okValue(await invoke(kit.services.handlers, 'getNotices'))).toEqual([
      expect.objectContaining({ kind: 'orphan-secrets', count: 2 }),
    ]);
  });

  it('runs one operation at a time: a read racing a rewrite sees the old or the new secret, never a mix', async () => {
    const kc = createMemoryKeychain();
    // Every keychain call yields to the event loop a (seeded) random number of times, so unserialized operations
    // would interleave in many different orders.
    let seed = 42;
    const hop = async () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      for (let i = (seed >>> 16) % 6; i >= 0; i--) await new Promise((r) => setImmediate(r));
    };
    const slow: Keychain = {
      set: async (a, s) => (await hop(), kc.set(a, s)),
      get: async (a) => (await hop(), kc.get(a)),
      delete: async (a) => (await hop(), kc.delete(a)),
      listAccounts: () => kc.listAccounts(),
      dispose: async () => {},
    };
    const vault: CredentialVault = createCredentialVault(slow, { chunkSize: 4 });
    const versions = ['1'.repeat(30), '2'.repeat(9), '3'.repeat(41), 'short'];
    await vault.save(P, 'oauth-refresh-token', versions[0]!);
    const seen: (string | undefined)[] = [];
    const orphanCounts: number[] = [];
    const work: Promise<unknown>[] = [];
    for (let round = 0; round < 40; round++) {
      work.push(vault.save(P, 'oauth-refresh-token', versions[round % versions.length]!));
      // Start the reader somewhere in the middle of the writes.
      await hop();
      work.push(vault.read(P, 'oauth-refresh-token').then((r) => seen.push(r?.secret)));
      work.push(vault.listOrphans(live).then((o) => orphanCounts.push(o.length)));
    }
    await Promise.all(work);
    expect(seen).toHaveLength(40);
    expect(orphanCounts).toEqual(Array(40).fill(0));
    for (const s of seen) expect(versions).toContain(s);
  });

  it('refuses a chunk size that could not make progress', () => {
    expect(() => createCredentialVault(createMemoryKeychain(), { chunkSize: 1 })).toThrow(RangeError);
  });
});
