/**
 * Where each bridge account's MSAL cache (refresh token + account record) lives. All three kinds hand the token
 * provider a SecretSlot, so the existing keychain cache plugin works unchanged on top of any of them:
 * - keychain: the desktop app's profile slot (OS keychain), as the sign-in wrote it;
 * - sealed file: the server mode's config file, each account's `token` sealed with its local password;
 * - memory: the env-only start (support, tests); a rotated token lives as long as the process.
 */
import { readFileSync } from 'node:fs';

import type { BridgeAccountConfig, SealedSecret } from '../../shared/bridge/config';
import { sealedSecretSchema } from '../../shared/bridge/config';
import type { SecretSlot } from '../oauth/secret-slot';
import { writeFileAtomic } from '../store/atomic-file';
import { deriveSealingKey, seal, type SealingKey, unseal } from './sealed-secret';

export interface TokenStore {
  readonly kind: 'keychain' | 'sealed-file' | 'memory';
  /** The account's slot; `password` is the verified local password (stores that encrypt derive their key from it). */
  slotFor(account: BridgeAccountConfig, password: string): SecretSlot;
  /** A bare refresh token to start from when the slot is empty (env-only start). */
  bootstrapRefreshToken?(accountId: string): string | undefined;
}

export function keychainTokenStore(slotFor: (accountId: string) => SecretSlot): TokenStore {
  return { kind: 'keychain', slotFor: (account) => slotFor(account.id) };
}

/** Env-only start: the refresh token from the environment, kept (and rotated) in this process's memory only. */
export function memoryTokenStore(refreshTokens: Record<string, string>): TokenStore {
  const caches = new Map<string, string>();
  return {
    kind: 'memory',
    slotFor: (account) => ({
      read: async () => caches.get(account.id) ?? null,
      write: async (value) => void caches.set(account.id, value),
      clear: async () => caches.delete(account.id),
    }),
    bootstrapRefreshToken: (accountId) => (caches.has(accountId) ? undefined : refreshTokens[accountId]),
  };
}

type ConfigDocument = { accounts?: Array<{ id?: unknown; token?: unknown }> } & Record<string, unknown>;

function readDocument(file: string): ConfigDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as ConfigDocument;
}

/**
 * Server mode: the sealed token sits in the configuration file itself (`accounts[].token`), so the desktop's
 * export is one file. Every read goes back to the file, so copying a fresh export over it heals a "needs sign-in"
 * without a restart; every MSAL rotation re-seals and rewrites only that account's `token`, atomically.
 */
export function sealedFileTokenStore(file: string): TokenStore {
  /** Derived keys by account, valid for the password that derived them; never written anywhere. */
  const keys = new Map<string, { password: string; key: SealingKey }>();

  const keyFor = async (accountId: string, password: string, sealed: SealedSecret | undefined): Promise<SealingKey> => {
    const known = keys.get(accountId);
    if (known && known.password === password && (!sealed || sealed.salt === known.key.salt)) return known.key;
    const key = await deriveSealingKey(
      password,
      sealed?.salt,
      sealed ? { N: sealed.N, r: sealed.r, p: sealed.p } : undefined,
    );
    keys.set(accountId, { password, key });
    return key;
  };

  const update = (accountId: string, token: SealedSecret | undefined) => {
    const doc = readDocument(file);
    const entry = doc.accounts?.find((a) => a.id === accountId);
    if (!entry) throw new Error(`account ${accountId} is no longer in ${file}`);
    if (token) entry.token = token;
    else delete entry.token;
    writeFileAtomic(file, `${JSON.stringify(doc, null, 2)}\n`);
  };

  return {
    kind: 'sealed-file',
    slotFor: (account, password) => ({
      async read() {
        const raw = readDocument(file).accounts?.find((a) => a.id === account.id)?.token;
        if (raw === undefined) return null;
        const sealed = sealedSecretSchema.parse(raw);
        return unseal(sealed, await keyFor(account.id, password, sealed), account.id);
      },
      async write(value) {
        update(account.id, seal(value, await keyFor(account.id, password, undefined), account.id));
      },
      async clear() {
        update(account.id, undefined);
        return true;
      },
    }),
  };
}
