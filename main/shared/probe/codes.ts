/**
 * The stable vocabulary of the connection test. Tests, UI text lookup and support all key on these
 * identifiers, so they are append-only: never rename or reuse one.
 */

/** Stages in the order a probe reports them (STARTTLS runs the plain greeting before TLS, the order stays). */
export const PROBE_STAGES = ['input', 'dns', 'tcp', 'tls', 'greeting', 'capabilities', 'auth', 'mailbox'] as const;
export type ProbeStage = (typeof PROBE_STAGES)[number];

export const PROBE_CODES = [
  'OK',
  'INPUT_INVALID',
  'DNS_NOT_FOUND',
  'DNS_FAILED',
  'TCP_REFUSED',
  'TCP_TIMEOUT',
  'TCP_UNREACHABLE',
  'TLS_UNTRUSTED',
  'TLS_HOSTNAME_MISMATCH',
  'TLS_EXPIRED',
  'TLS_HANDSHAKE_FAILED',
  'NOT_IMAP',
  'GREETING_TIMEOUT',
  'SERVER_BYE',
  'AUTH_MECHANISM_UNSUPPORTED',
  'AUTH_FAILED',
  'AUTH_THROTTLED',
  'SERVER_UNAVAILABLE',
  'MAILBOX_NOT_CONNECTED',
  'MAILBOX_FAILED',
  'CONNECTION_LOST',
  'TIMEOUT',
  'CANCELLED',
  /** Cut off (reset or closed) before the server sent anything: at connect, right after it, or at the TLS hello. */
  'TCP_RESET',
] as const;
export type ProbeCode = (typeof PROBE_CODES)[number];

/** Server software as far as the probe can tell; diagnoses differ by product. */
export const SERVER_PRODUCTS = ['exchange-online', 'exchange', 'dovecot', 'other', 'unknown'] as const;
export type ServerProduct = (typeof SERVER_PRODUCTS)[number];

export type Security = 'tls' | 'starttls';
export const DEFAULT_PORTS: Record<Security, number> = { tls: 993, starttls: 143 };

/** Overall budget of one probe unless the caller passes another. */
export const DEFAULT_PROBE_DEADLINE_MS = 20_000;
