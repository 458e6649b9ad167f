/**
 * The bridge configuration: one JSON document, the same for the desktop app and the headless server. Validated
 * with zod; every refusal names the field and says what is expected, in plain English (the server's admin reads
 * them in a terminal or journal). Secrets never appear here in the clear: the local password only as a scrypt hash,
 * tokens only sealed (AES-256-GCM, key derived from the local password).
 */
import { z } from 'zod';

import { isGuid } from '../oauth/registration';
import { SERVER_TYPE_IDS, serverType } from './server-type';

export const CONFIG_FORMAT = 'mailadapter-bridge';
export const CONFIG_VERSION = 1;

export const DEFAULT_UPSTREAM = { host: 'outlook.office365.com', port: 993 } as const;
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

export const DEFAULT_LIMITS = {
  /** Exchange Online allows about 20 concurrent IMAP connections per mailbox; stay below that. */
  sessionsPerAccount: 16,
  connections: 64,
  /** A client must log in within this time after connecting. */
  preLoginSeconds: 120,
  /** ... and may be silent before login for at most this long. */
  preLoginIdleSeconds: 30,
  /** Longest command line (with its literals) before login, as the probe caps server lines. */
  lineBytes: 64 * 1024,
  /** SIGTERM / stop(): how long open sessions may go on before they are cut. */
  shutdownSeconds: 10,
} as const;

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
export const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:]+(%\w+)?$/i;
const TENANT_DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// The mailbox user as Exchange expects it in XOAUTH2's user=: an address, no control characters or SASL separators.
// eslint-disable-next-line no-control-regex
const MAILBOX = /^[^\s\x00-\x1f\x7f@]+@[^\s\x00-\x1f\x7f@]+\.[^\s\x00-\x1f\x7f@]+$/;

const isIpLiteral = (s: string) => IPV4.test(s) || (s.includes(':') && IPV6.test(s));

/**
 * An allowlist entry: an address, or a CIDR range of at most 32 (IPv4) or 128 (IPv6) bits. What counts as an address
 * is the caller's: the desktop settings are stricter than a server's configuration file.
 */
export function isAllowEntry(entry: string, isAddress: (s: string) => boolean): boolean {
  const [addr, bits, extra] = entry.split('/');
  if (extra !== undefined || !addr || !isAddress(addr)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (addr.includes(':') ? 128 : 32));
}

const port = (field: string) =>
  z
    .number({ error: `${field} must be a number from 1 to 65535` })
    .int({ error: `${field} must be a whole number from 1 to 65535` })
    .min(1, { error: `${field} must be from 1 to 65535` })
    .max(65535, { error: `${field} must be from 1 to 65535` });

const hostName = (field: string) =>
  z
    .string({ error: `${field} must be a host name or IP address` })
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .refine((s) => HOST.test(s) || isIpLiteral(s), {
      error: `${field} must be a host name or IP address (no scheme, no port)`,
    });

const allowEntry = z
  .string({ error: 'each allow entry must be an IP address or a CIDR range such as 192.0.2.0/24' })
  .trim()
  .refine((s) => isAllowEntry(s, isIpLiteral), {
    error: 'each allow entry must be an IP address or a CIDR range such as 192.0.2.0/24',
  });

const b64 = (field: string) =>
  z
    .string({ error: `${field} must be base64 text` })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: `${field} must be base64 text` });

/** Token material sealed with AES-256-GCM; the key comes from scrypt over the local password and `salt`. */
export const sealedSecretSchema = z
  .object({
    alg: z.literal('scrypt+aes-256-gcm', { error: 'token.alg must be "scrypt+aes-256-gcm"' }),
    N: z.number().int().min(16384, { error: 'token.N must be at least 16384' }).max(1_048_576),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64('token.salt'),
    iv: b64('token.iv'),
    data: b64('token.data'),
    tag: b64('token.tag'),
  })
  .strict();
export type SealedSecret = z.infer<typeof sealedSecretSchema>;

/** `scrypt$N$r$p$salt$hash` with base64 salt (16 bytes) and hash (32 bytes). */
export const PASSWORD_HASH =
  /^scrypt\$(\d{5,7})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/]{22}={0,2})\$([A-Za-z0-9+/]{43}=?)$/;

export const accountSchema = z
  .object({
    id: z
      .string({ error: 'id must be text' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: 'id must be 1–64 letters, digits, ".", "_" or "-"' }),
    mailbox: z
      .string({ error: 'mailbox must be the mailbox user (an e-mail address)' })
      .trim()
      .regex(MAILBOX, { error: 'mailbox must be the mailbox user as an e-mail address, e.g. imap@contoso.de' }),
    upstream: z
      .object({ host: hostName('upstream.host'), port: port('upstream.port') })
      .strict()
      .default({ ...DEFAULT_UPSTREAM }),
    oauth: z
      .object({
        authority: z
          .string({ error: 'oauth.authority must be an https URL' })
          .url({ error: 'oauth.authority must be an https URL such as https://login.microsoftonline.com' })
          .refine((u) => u.startsWith('https://'), { error: 'oauth.authority must use https' })
          .default(DEFAULT_AUTHORITY),
        tenant: z
          .string({ error: 'oauth.tenant must be the directory (tenant) ID or a verified domain' })
          .trim()
          .refine((s) => isGuid(s) || TENANT_DOMAIN.test(s), {
            error: 'oauth.tenant must be the directory (tenant) ID (a GUID) or a verified domain',
          }),
        clientId: z
          .string({ error: 'oauth.clientId must be the application (client) ID' })
          .trim()
          .refine(isGuid, { error: 'oauth.clientId must be the application (client) ID, a GUID' }),
      })
      .strict(),
    passwordHash: z.string({ error: 'passwordHash must be a scrypt hash made by the assistant' }).regex(PASSWORD_HASH, {
      error: 'passwordHash must be a scrypt hash made by the assistant (scrypt$N$r$p$salt$hash)',
    }),
    /** Sealed MSAL cache (refresh token and account); absent when the tokens live in the OS keychain. */
    token: sealedSecretSchema.optional(),
  })
  .strict();
export type BridgeAccountConfig = z.infer<typeof accountSchema>;

export const listenSchema = z
  .object({
    host: hostName('listen.host').default('127.0.0.1'),
    /** Omitted: the standard port of `serverType` (IMAP 143, IMAPS 993). */
    port: port('listen.port').optional(),
    serverType: z
      .enum(SERVER_TYPE_IDS, { error: 'listen.serverType must be "imap" or "imaps" (agorum\'s Server-Typ)' })
      .default('imap'),
    tls: z
      .object({
        mode: z.enum(['none', 'starttls', 'implicit'], {
          error: 'listen.tls.mode must be "none", "starttls" or "implicit"',
        }),
        /** PEM files; both omitted = a certificate the bridge generates once and keeps next to the configuration. */
        certFile: z.string().min(1).optional(),
        keyFile: z.string().min(1).optional(),
      })
      .strict()
      .refine((t) => (t.certFile === undefined) === (t.keyFile === undefined), {
        error: 'listen.tls needs both certFile and keyFile, or neither',
      })
      .optional(),
    /** Client addresses or CIDR ranges allowed to connect; required for any non-loopback listener. */
    allow: z.array(allowEntry, { error: 'listen.allow must be a list of IP addresses or CIDR ranges' }).default([]),
  })
  .strict();

const limit = (field: string, max: number) =>
  z
    .number({ error: `limits.${field} must be a number` })
    .int({ error: `limits.${field} must be a whole number` })
    .min(1, { error: `limits.${field} must be at least 1` })
    .max(max, { error: `limits.${field} must be at most ${max}` });

export const limitsSchema = z
  .object({
    sessionsPerAccount: limit('sessionsPerAccount', 1000).default(DEFAULT_LIMITS.sessionsPerAccount),
    connections: limit('connections', 10_000).default(DEFAULT_LIMITS.connections),
    preLoginSeconds: limit('preLoginSeconds', 3600).default(DEFAULT_LIMITS.preLoginSeconds),
    preLoginIdleSeconds: limit('preLoginIdleSeconds', 3600).default(DEFAULT_LIMITS.preLoginIdleSeconds),
    lineBytes: z
      .number()
      .int()
      .min(1024, { error: 'limits.lineBytes must be at least 1024' })
      .max(1024 * 1024, { error: 'limits.lineBytes must be at most 1048576' })
      .default(DEFAULT_LIMITS.lineBytes),
    shutdownSeconds: limit('shutdownSeconds', 600).default(DEFAULT_LIMITS.shutdownSeconds),
  })
  .strict();
export type BridgeLimits = z.infer<typeof limitsSchema>;

export const bridgeConfigSchema = z
  .object({
    format: z.literal(CONFIG_FORMAT, { error: `format must be "${CONFIG_FORMAT}"` }),
    version: z.literal(CONFIG_VERSION, { error: `version must be ${CONFIG_VERSION}` }),
    listen: listenSchema.default({ host: '127.0.0.1', serverType: 'imap', allow: [] }),
    limits: limitsSchema.default({ ...DEFAULT_LIMITS }),
    accounts: z
      .array(accountSchema, { error: 'accounts must be a list' })
      .min(1, { error: 'accounts must list at least one mailbox' }),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const seen = new Map<string, string>();
    for (const [i, a] of cfg.accounts.entries()) {
      for (const key of [`id:${a.id}`, `mailbox:${a.mailbox.toLowerCase()}`]) {
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['accounts', i],
            message: `accounts[${i}] repeats ${key.replace(':', ' ')} of ${seen.get(key)}`,
          });
        else seen.set(key, `accounts[${i}]`);
      }
    }
    const tlsMode = cfg.listen.tls?.mode ?? 'none';
    if (serverType(cfg.listen.serverType).transport === 'implicit-tls' && tlsMode !== 'implicit') {
      ctx.addIssue({
        code: 'custom',
        path: ['listen', 'tls'],
        message:
          'listen.serverType "imaps" needs listen.tls.mode "implicit" (the adapter speaks TLS from the first byte)',
      });
    }
  });
export type BridgeConfig = z.infer<typeof bridgeConfigSchema>;
export type BridgeConfigInput = z.input<typeof bridgeConfigSchema>;

export interface ConfigIssue {
  path: string;
  message: string;
}

/** Validates a parsed JSON value; issues name the field (`accounts[0].oauth.tenant`) and what is expected. */
export function parseBridgeConfig(
  value: unknown,
): { ok: true; config: BridgeConfig } | { ok: false; issues: ConfigIssue[] } {
  const result = bridgeConfigSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path:
        issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') ||
        '(top level)',
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : issue.message,
    })),
  };
}

/** The port the listener uses: the configured one, else the standard port of agorum's Server-Typ. */
export const listenPort = (listen: BridgeConfig['listen']): number => listen.port ?? serverType(listen.serverType).port;

export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
