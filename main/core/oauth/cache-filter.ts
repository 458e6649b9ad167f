/**
 * What of MSAL's token cache goes to the keychain: the refresh token and the account record it belongs to.
 * Access tokens stay in memory (they live an hour and are bearer credentials for the mailbox), ID tokens are
 * not needed for a silent refresh. Keeping the entry small also matters: some keychains cap an item's size.
 */

type Section = Record<string, Record<string, unknown>>;

interface SerializedCache {
  Account?: Section;
  RefreshToken?: Section;
  AppMetadata?: Section;
  AccessToken?: Section;
  IdToken?: Section;
}

/** Returns the JSON to persist, or null when there is no refresh token worth keeping. */
export function persistableCache(serialized: string): string | null {
  let cache: SerializedCache;
  try {
    cache = JSON.parse(serialized) as SerializedCache;
  } catch {
    return null;
  }
  const refresh = cache.RefreshToken ?? {};
  if (Object.keys(refresh).length === 0) return null;
  // Only accounts that own a refresh token: a stale account without one would look "signed in" after a restart.
  const owners = new Set(Object.values(refresh).map((rt) => rt.home_account_id));
  const accounts = Object.fromEntries(
    Object.entries(cache.Account ?? {}).filter(([, a]) => owners.has(a.home_account_id)),
  );
  return JSON.stringify({ Account: accounts, RefreshToken: refresh, AppMetadata: cache.AppMetadata ?? {} });
}

/** Secret values in a serialized cache, so callers can prove none of them leaked somewhere else. */
export function cacheSecrets(serialized: string): string[] {
  try {
    const cache = JSON.parse(serialized) as SerializedCache;
    return [cache.AccessToken, cache.IdToken, cache.RefreshToken]
      .flatMap((section) => Object.values(section ?? {}))
      .map((entry) => entry.secret)
      .filter((s): s is string => typeof s === 'string' && s.length > 0);
  } catch {
    return [];
  }
}

/**
 * Splits a persistable cache into the refresh token(s) — the only secret, for the keychain — and a skeleton with
 * the secret fields emptied (account records, ids), which is not secret. The bare token keeps the keychain entry
 * small: Windows' Credential Manager holds at most 2,560 bytes per item, and the vault splits anything longer into
 * several items, each one more keychain call.
 */
export function splitSecrets(persistable: string): { secret: string; skeleton: string } {
  const cache = JSON.parse(persistable) as SerializedCache;
  const secrets: string[] = [];
  for (const entry of Object.values(cache.RefreshToken ?? {})) {
    secrets.push(String(entry.secret ?? ''));
    entry.secret = '';
  }
  // Refresh tokens are URL-safe text without line breaks, so a newline separates several (one per account).
  return { secret: secrets.join('\n'), skeleton: JSON.stringify(cache) };
}

/** The inverse of splitSecrets; null when the two halves do not belong together. */
export function joinSecrets(skeleton: string, secret: string): string | null {
  try {
    const cache = JSON.parse(skeleton) as SerializedCache;
    const entries = Object.values(cache.RefreshToken ?? {});
    const secrets = secret.split('\n');
    if (entries.length === 0 || entries.length !== secrets.length || secrets.some((s) => s === '')) return null;
    entries.forEach((entry, i) => (entry.secret = secrets[i]));
    return JSON.stringify(cache);
  } catch {
    return null;
  }
}
