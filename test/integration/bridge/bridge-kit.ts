/**
 * Everything a bridge test needs, all on 127.0.0.1: the local sign-in service, a Dovecot that accepts only XOAUTH2
 * tokens from it, a real MSAL sign-in of the mailbox user (its cache is what the desktop app keeps in the
 * keychain), and a bridge in front of it with a known local password.
 */
import { type Bridge, type BridgeDeps, createBridge } from '../../../main/core/bridge/bridge';
import { hashPassword } from '../../../main/core/bridge/local-password';
import type { TokenStore } from '../../../main/core/bridge/token-store';
import { createMemoryLogger, type MemoryLogEntry } from '../../../main/core/log/logger';
import { persistableCache } from '../../../main/core/oauth/cache-filter';
import { interactiveSignIn } from '../../../main/core/oauth/interactive-sign-in';
import { createMsalClient } from '../../../main/core/oauth/msal-client';
import type { SecretSlot } from '../../../main/core/oauth/secret-slot';
import {
  type BridgeAccountConfig,
  type BridgeConfig,
  type BridgeConfigInput,
  CONFIG_FORMAT,
  parseBridgeConfig,
} from '../../../main/shared/bridge/config';
import type { DovecotServer } from '../../fixtures/dovecot';
import { freePort } from '../../fixtures/dovecot';
import { startOAuthDovecot } from '../../fixtures/dovecot-oauth';
import { type OidcProvider, startOidcProvider, TEST_CLIENT_ID } from '../../fixtures/oidc-provider';

export const USER = 'imap@contoso.example';
/** Letters and digits, as the product generates them; the tests' canary. */
export const PASSWORD = 'CanaryBridgePw7Q2x9LmZ4t';
export const CHEAP_SCRYPT = { N: 16384, r: 8, p: 1 } as const;

/** One message per line of text, RFC 5322. */
export function message(i: number, body = `Body of message ${i}.`): string {
  return `From: sender@contoso.example\nTo: ${USER}\nSubject: Test ${i}\nMessage-ID: <m${i}@contoso.example>\nDate: Mon, 01 Jan 2024 10:00:00 +0000\n\n${body}\n`;
}

export async function startIdpAndDovecot(
  messages: string[] = [message(1), message(2), message(3)],
): Promise<{ idp: OidcProvider; dovecot: DovecotServer }> {
  const idp = await startOidcProvider({ users: [{ username: USER }] });
  // Dovecot's default of 10 connections per user and address would cap the load tests; Exchange allows about 20.
  const dovecot = await startOAuthDovecot(idp, {
    users: [USER],
    messages,
    extraConfig: 'mail_max_userip_connections = 500',
  });
  return { idp, dovecot };
}

/** A real interactive sign-in against the local provider; returns MSAL's persistable cache and the bare refresh token. */
export async function signIn(idp: OidcProvider): Promise<{ cache: string; refreshToken: string }> {
  const pca = createMsalClient({
    authority: { host: idp.host },
    registration: { tenant: idp.tenantId, clientId: TEST_CLIENT_ID },
    networkClient: idp.msalNetworkClient,
  });
  await interactiveSignIn({
    pca,
    mode: 'system-browser',
    loginHint: USER,
    signal: new AbortController().signal,
    timeoutMs: 20_000,
    openBrowser: async (url) => void idp.browse(url),
  });
  const cache = persistableCache(pca.getTokenCache().serialize())!;
  const refreshToken = String((Object.values(JSON.parse(cache).RefreshToken)[0] as { secret: string }).secret);
  return { cache, refreshToken };
}

/** A keychain-like slot in memory, as the desktop app's profile slot behaves; `writes` counts rotations. */
export function memorySlot(initial: string | null): SecretSlot & { value: string | null; writes: number } {
  const slot = {
    value: initial,
    writes: 0,
    read: async () => slot.value,
    write: async (v: string) => {
      slot.value = v;
      slot.writes++;
    },
    clear: async () => {
      const had = slot.value !== null;
      slot.value = null;
      return had;
    },
  };
  return slot;
}

export async function accountConfig(
  idp: OidcProvider,
  upstreamPort: number,
  extra: Partial<BridgeAccountConfig> = {},
): Promise<BridgeAccountConfig> {
  return {
    id: 'agorum',
    mailbox: USER,
    upstream: { host: '127.0.0.1', port: upstreamPort },
    oauth: { authority: `https://${idp.host}`, tenant: idp.tenantId, clientId: TEST_CLIENT_ID },
    passwordHash: await hashPassword(PASSWORD, CHEAP_SCRYPT),
    ...extra,
  };
}

export async function bridgeConfig(
  account: BridgeAccountConfig | BridgeAccountConfig[],
  extra: Partial<BridgeConfigInput> = {},
): Promise<BridgeConfig> {
  const parsed = parseBridgeConfig({
    format: CONFIG_FORMAT,
    version: 1,
    accounts: Array.isArray(account) ? account : [account],
    ...extra,
    // A free port unless the test names one; the rest of `listen` as the test gives it.
    listen: { host: '127.0.0.1', port: await freePort(), ...extra.listen },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.config;
}

export interface RunningBridge {
  bridge: Bridge;
  port: number;
  logs: MemoryLogEntry[];
  stop(): Promise<void>;
}

export async function startBridge(
  config: BridgeConfig,
  tokenStore: TokenStore,
  deps: Partial<BridgeDeps> & { idp?: OidcProvider; ca?: string } = {},
): Promise<RunningBridge> {
  const logs: MemoryLogEntry[] = [];
  const { idp, ca, ...rest } = deps;
  const bridge = createBridge(config, {
    tokenStore,
    log: createMemoryLogger(logs),
    throttle: { baseDelayMs: 20, maxDelayMs: 200, windowMs: 60_000 },
    ...(ca ? { upstreamCa: [ca] } : {}),
    ...(idp ? { msalNetworkClient: idp.msalNetworkClient } : {}),
    ...rest,
  });
  const status = await bridge.start();
  return { bridge, port: status.listener!.port, logs, stop: () => bridge.stop({ graceMs: 500 }) };
}

export const keychainStore = (slot: SecretSlot): TokenStore => ({ kind: 'keychain', slotFor: () => slot });
