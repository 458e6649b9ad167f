/**
 * MSAL cache plugin backed by the OS keychain. MSAL reloads its in-memory cache from the plugin before every
 * lookup, so the plugin keeps two forms: the whole cache (access tokens included) in this process's memory, and
 * only the persistable part — refresh token and account — in the keychain. The keychain is read once per client
 * and written only when that part changed. A failed write keeps the sign-in usable for this session and is
 * reported, not thrown.
 */
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

import { persistableCache } from './cache-filter';
import type { SecretSlot } from './secret-slot';

export interface KeychainCachePlugin extends ICachePlugin {
  /** The last keychain write failure since the last successful write, if any. */
  readonly writeProblem: unknown;
  /** Whether the keychain holds what this plugin last wrote or read (a refresh token). */
  readonly persisted: boolean;
  /** Takes over a cache made elsewhere (the sign-in's client): keeps it in memory and writes its persistable part now. */
  adopt(serialized: string): Promise<void>;
}

export function createKeychainCachePlugin(slot: SecretSlot): KeychainCachePlugin {
  let loaded = false;
  /** The full serialized cache of this process; never written anywhere. */
  let memory: string | null = null;
  /** undefined = not known yet, so the next persist writes (or clears) unconditionally. */
  let lastPersisted: string | null | undefined;
  let writeProblem: unknown;

  const persist = async (serialized: string) => {
    const next = persistableCache(serialized);
    if (next === lastPersisted) return;
    try {
      if (next === null) await slot.clear();
      else await slot.write(next);
      lastPersisted = next;
      writeProblem = undefined;
    } catch (err) {
      writeProblem = err;
    }
  };

  return {
    get writeProblem() {
      return writeProblem;
    },
    get persisted() {
      return typeof lastPersisted === 'string';
    },
    async adopt(serialized) {
      loaded = true;
      memory = serialized;
      lastPersisted = undefined;
      await persist(serialized);
    },
    async beforeCacheAccess(ctx: TokenCacheContext) {
      if (!loaded) {
        const stored = await slot.read();
        loaded = true;
        lastPersisted = stored;
        memory = stored;
      }
      if (memory) ctx.tokenCache.deserialize(memory);
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (!ctx.cacheHasChanged) return;
      memory = ctx.tokenCache.serialize();
      await persist(memory);
    },
  };
}
