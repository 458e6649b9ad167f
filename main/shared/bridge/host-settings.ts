/**
 * The bridge as the desktop app keeps it per connection (store.json, `bridges`), and the app-wide choices about
 * running in the background. Validation issues are field codes (`bridgeHost.invalid`), localized by the renderer
 * like the profile's. The local password is kept only as its scrypt hash, and never leaves this machine: neither the
 * view nor a connection export carries it.
 */
import { z } from 'zod';

import { isoTimestampSchema } from '../profile/timestamp';
import { IPV4, isAllowEntry, isLoopbackHost, PASSWORD_HASH } from './config';
import { SERVER_TYPE_IDS, serverType, type ServerTypeId } from './server-type';

/** Where agorum core runs: here (the app hosts the bridge) or on a server (the app exports what the server needs). */
export const AGORUM_PLACES = ['this-computer', 'server'] as const;
export type AgorumPlace = (typeof AGORUM_PLACES)[number];

export const BRIDGE_TLS_MODES = ['none', 'starttls', 'implicit'] as const;
export type BridgeTlsMode = (typeof BRIDGE_TLS_MODES)[number];

// Stricter than a server's configuration file: no zone index, at most 45 characters.
const IPV6 = /^[0-9a-f:]{2,45}$/i;
const isIpLiteral = (s: string) => IPV4.test(s) || (s.includes(':') && IPV6.test(s));

/** An address of this machine to listen on: an IP literal or `localhost` (a name could resolve elsewhere). */
export const bridgeHostSchema = z
  .string({ error: 'bridgeHost.invalid' })
  .trim()
  .min(1, { error: 'bridgeHost.required' })
  .refine((s) => s === 'localhost' || isIpLiteral(s), { error: 'bridgeHost.invalid' });

export const bridgePortSchema = z
  .number({ error: 'bridgePort.invalid' })
  .int({ error: 'bridgePort.invalid' })
  .min(1, { error: 'bridgePort.invalid' })
  .max(65535, { error: 'bridgePort.invalid' });

const allowEntrySchema = z
  .string({ error: 'bridgeAllow.invalid' })
  .trim()
  .refine((s) => isAllowEntry(s, isIpLiteral), { error: 'bridgeAllow.invalid' });

/** The listener rules the engine enforces at start, checked when the admin saves (so a start cannot fail on them). */
function checkListener(
  s: { host: string; serverType: ServerTypeId; tls: BridgeTlsMode; allow: string[] },
  ctx: z.RefinementCtx,
): void {
  if (serverType(s.serverType).transport === 'implicit-tls' && s.tls !== 'implicit') {
    ctx.addIssue({ code: 'custom', path: ['tls'], message: 'bridgeTls.implicitForImaps' });
  }
  if (serverType(s.serverType).transport === 'plain' && s.tls === 'implicit') {
    ctx.addIssue({ code: 'custom', path: ['tls'], message: 'bridgeTls.noImplicitForImap' });
  }
  if (!isLoopbackHost(s.host) && s.tls === 'none') {
    ctx.addIssue({ code: 'custom', path: ['tls'], message: 'bridgeTls.requiredOffLoopback' });
  }
  if (!isLoopbackHost(s.host) && s.allow.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['allow'], message: 'bridgeAllow.requiredOffLoopback' });
  }
}

const setupShape = {
  agorumRuns: z.enum(AGORUM_PLACES, { error: 'bridgeAgorumRuns.invalid' }),
  serverType: z.enum(SERVER_TYPE_IDS, { error: 'bridgeServerType.invalid' }),
  host: bridgeHostSchema,
  /** null: the standard port of the Server-Typ (agorum's form has no port field). */
  port: bridgePortSchema.nullable(),
  tls: z.enum(BRIDGE_TLS_MODES, { error: 'bridgeTls.invalid' }),
  /** Client addresses (or CIDR ranges) allowed off loopback; empty = loopback only. */
  allow: z.array(allowEntrySchema).max(64, { error: 'bridgeAllow.tooMany' }),
};

/** What `configureBridge` takes: what the admin chooses. Omitted fields keep their saved (or default) value. */
export const bridgeSetupSchema = z
  .object({
    agorumRuns: setupShape.agorumRuns.optional(),
    serverType: setupShape.serverType.optional(),
    host: setupShape.host.optional(),
    port: setupShape.port.optional(),
    tls: setupShape.tls.optional(),
    allow: setupShape.allow.optional(),
  })
  .strict();
export type BridgeSetup = z.infer<typeof bridgeSetupSchema>;

/** One connection's bridge as stored. */
export const storedBridgeSchema = z
  .object({
    ...setupShape,
    /** Started with the app (and now); `stopBridge` clears it. */
    enabled: z.boolean(),
    passwordHash: z.string().regex(PASSWORD_HASH, { error: 'bridgePasswordHash.invalid' }).nullable(),
    passwordSetAt: isoTimestampSchema.nullable(),
    updatedAt: isoTimestampSchema,
  })
  .strict()
  .superRefine(checkListener);
export type StoredBridge = z.infer<typeof storedBridgeSchema>;

/** The bridge settings that travel with a connection export: never the password hash. */
export const exportedBridgeSchema = z
  .object({ ...setupShape })
  .strict()
  .superRefine(checkListener);
export type ExportedBridge = z.infer<typeof exportedBridgeSchema>;

export const defaultBridge = (at: string): StoredBridge => ({
  agorumRuns: 'this-computer',
  serverType: 'imap',
  host: '127.0.0.1',
  port: null,
  tls: 'none',
  allow: [],
  enabled: false,
  passwordHash: null,
  passwordSetAt: null,
  updatedAt: at,
});

/** The port the bridge listens on: the chosen one, else the standard port of agorum's Server-Typ. */
export const bridgePortOf = (b: Pick<StoredBridge, 'port' | 'serverType'>): number =>
  b.port ?? serverType(b.serverType).port;

/** What closing the window does while a bridge runs; 'ask' until the admin chose and ticked "remember". */
export const CLOSE_CHOICES = ['ask', 'keep-running', 'quit'] as const;
export type CloseChoice = (typeof CLOSE_CHOICES)[number];

/** App-wide: both off by default, so the app behaves like any other window until the admin opts in. */
export const desktopBehaviourSchema = z
  .object({
    keepRunningInBackground: z.boolean(),
    startWithComputer: z.boolean(),
    closeWithBridge: z.enum(CLOSE_CHOICES),
  })
  .strict();
export type DesktopBehaviour = z.infer<typeof desktopBehaviourSchema>;

export const DEFAULT_DESKTOP_BEHAVIOUR: DesktopBehaviour = {
  keepRunningInBackground: false,
  startWithComputer: false,
  closeWithBridge: 'ask',
};
