import type { TokenCacheContext } from '@azure/msal-node';
import { cacheSecrets, joinSecrets, persistableCache, splitSecrets } from '@core/oauth/cache-filter';
import { createKeychainCachePlugin } from '@core/oauth/keychain-cache-plugin';
import type { SecretSlot } from '@core/oauth/secret-slot';
import { describe, expect, it } from 'vitest';

const cache = (withRefresh = true) =>
  JSON.stringify({
    Account: {
      'uid-env-realm': { home_account_id: 'uid', environment: 'env', realm: 'realm', username: 'imap@contoso.example' },
      'other-env-realm': {
        home_account_id: 'other',
        environment: 'env',
        realm: 'realm',
        username: 'stale@contoso.example',
      },
    },
    IdToken: { 'uid-idtoken': { home_account_id: 'uid', credential_type: 'IdToken', secret: 'ID-TOKEN-SECRET' } },
    AccessToken: {
      'uid-at': { home_account_id: 'uid', credential_type: 'AccessToken', secret: 'ACCESS-TOKEN-SECRET' },
    },
    RefreshToken: withRefresh
      ? { 'uid-rt': { home_account_id: 'uid', credential_type: 'RefreshToken', secret: 'REFRESH-TOKEN-SECRET' } }
      : {},
    AppMetadata: {},
  });

describe('what reaches the keychain', () => {
  it('keeps the refresh token and its account, drops access and ID tokens and accounts without a refresh token', () => {
    const kept = persistableCache(cache())!;
    expect(kept).toContain('REFRESH-TOKEN-SECRET');
    expect(kept).not.toContain('ACCESS-TOKEN-SECRET');
    expect(kept).not.toContain('ID-TOKEN-SECRET');
    expect(kept).not.toContain('stale@contoso.example');
    expect(Object.keys(JSON.parse(kept) as object)).toEqual(['Account', 'RefreshToken', 'AppMetadata']);
  });

  it('keeps nothing without a refresh token, or for garbage', () => {
    expect(persistableCache(cache(false))).toBeNull();
    expect(persistableCache('{not json')).toBeNull();
  });

  it('splits the refresh token (for the keychain) from the non-secret account records, and joins them again', () => {
    const kept = persistableCache(cache())!;
    const { secret, skeleton } = splitSecrets(kept);
    expect(secret).toBe('REFRESH-TOKEN-SECRET');
    expect(skeleton).not.toContain('REFRESH-TOKEN-SECRET');
    expect(skeleton).toContain('imap@contoso.example');
    expect(joinSecrets(skeleton, secret)).toBe(kept);
    expect(joinSecrets(skeleton, '')).toBeNull();
    expect(joinSecrets(skeleton, 'a\nb')).toBeNull();
    expect(joinSecrets('{broken', secret)).toBeNull();
  });

  it('lists the secrets of a cache', () => {
    expect(cacheSecrets(cache()).sort()).toEqual(['ACCESS-TOKEN-SECRET', 'ID-TOKEN-SECRET', 'REFRESH-TOKEN-SECRET']);
  });
});

function fakeSlot(initial: string | null = null) {
  const slot = { value: initial, reads: 0, writes: 0, clears: 0, fail: false };
  const api: SecretSlot = {
    read: async () => (slot.reads++, slot.value),
    write: async (v) => {
      if (slot.fail) throw new Error('keychain down');
      slot.writes++;
      slot.value = v;
    },
    clear: async () => {
      slot.clears++;
      const had = slot.value !== null;
      slot.value = null;
      return had;
    },
  };
  return { slot, api };
}

function fakeContext(serialized: string, changed: boolean) {
  const seen = { deserialized: [] as string[] };
  const ctx = {
    cacheHasChanged: changed,
    tokenCache: { serialize: () => serialized, deserialize: (s: string) => seen.deserialized.push(s) },
  } as unknown as TokenCacheContext;
  return { ctx, seen };
}

describe('keychain cache plugin', () => {
  it('reads the keychain once and then hands MSAL the whole in-memory cache, access token included', async () => {
    const { slot, api } = fakeSlot(persistableCache(cache()));
    const plugin = createKeychainCachePlugin(api);
    const a = fakeContext(cache(), false);
    await plugin.beforeCacheAccess(a.ctx);
    expect(a.seen.deserialized[0]).not.toContain('ACCESS-TOKEN-SECRET');
    // MSAL wrote a new access token: from now on every access gets it back, the keychain is not read again.
    await plugin.afterCacheAccess(fakeContext(cache(), true).ctx);
    const b = fakeContext(cache(), false);
    await plugin.beforeCacheAccess(b.ctx);
    expect(slot.reads).toBe(1);
    expect(b.seen.deserialized[0]).toContain('ACCESS-TOKEN-SECRET');
    expect(slot.value).not.toContain('ACCESS-TOKEN-SECRET');
    expect(plugin.persisted).toBe(true);
  });

  it('writes only when the persistable part changed, and clears when the refresh token is gone', async () => {
    const { slot, api } = fakeSlot(persistableCache(cache()));
    const plugin = createKeychainCachePlugin(api);
    await plugin.beforeCacheAccess(fakeContext(cache(), false).ctx);
    // A new access token alone is not worth a keychain write.
    const newAt = cache().replace('ACCESS-TOKEN-SECRET', 'ACCESS-TOKEN-2');
    await plugin.afterCacheAccess(fakeContext(newAt, true).ctx);
    expect(slot.writes).toBe(0);
    await plugin.afterCacheAccess(fakeContext(cache().replace('REFRESH-TOKEN-SECRET', 'REFRESH-2'), true).ctx);
    expect(slot.writes).toBe(1);
    expect(slot.value).toContain('REFRESH-2');
    await plugin.afterCacheAccess(fakeContext(cache(false), true).ctx);
    expect(slot.clears).toBe(1);
    expect(plugin.persisted).toBe(false);
  });

  it('reports a failed write instead of throwing, and recovers on the next success', async () => {
    const { slot, api } = fakeSlot();
    const plugin = createKeychainCachePlugin(api);
    slot.fail = true;
    await plugin.adopt(cache());
    expect(plugin.writeProblem).toBeInstanceOf(Error);
    expect(plugin.persisted).toBe(false);
    slot.fail = false;
    await plugin.afterCacheAccess(fakeContext(cache(), true).ctx);
    expect(plugin.writeProblem).toBeUndefined();
    expect(plugin.persisted).toBe(true);
  });

  it('adopting a sign-in writes at once and never reads the older keychain entry over it', async () => {
    const { slot, api } = fakeSlot('{"old":true}');
    const plugin = createKeychainCachePlugin(api);
    await plugin.adopt(cache());
    const ctx = fakeContext(cache(), false);
    await plugin.beforeCacheAccess(ctx.ctx);
    expect(slot.reads).toBe(0);
    expect(slot.value).toContain('REFRESH-TOKEN-SECRET');
    expect(slot.value).not.toContain('ACCESS-TOKEN-SECRET');
    expect(ctx.seen.deserialized[0]).toContain('ACCESS-TOKEN-SECRET');
  });
});
