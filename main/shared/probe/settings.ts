/**
 * What a connection test needs, and the rules that refuse bad input before any connection is made.
 * One zod schema serves the renderer's form (field-specific messages) and the probe (which reports
 * INPUT_INVALID with the same issues). Runs in the renderer too, so no Node imports.
 */
import { z } from 'zod';

import { DEFAULT_PORTS, type Security } from './codes';
import { type HostReason, parseHost } from './host';

/** The secret a probe authenticates with: a password today, an OAuth 2.0 access token for SASL XOAUTH2 next. */
export type Credential = { kind: 'password'; password: string } | { kind: 'xoauth2'; accessToken: string };

/** Validated, normalised settings: what the probe actually connects with. */
export interface ProbeSettings {
  host: string;
  port: number;
  security: Security;
  user: string;
  /** Absent only in network-only mode. */
  credential?: Credential;
  /** Run the stages up to the capability list without any credential (the wizard's network check). */
  networkOnly: boolean;
}

export type InputField = 'host' | 'port' | 'security' | 'user' | 'password' | 'accessToken' | 'credential';

export type InputReason =
  | HostReason
  | 'HOST_NORMALISED'
  | 'PORT_INVALID'
  | 'PORT_FROM_URL'
  | 'SECURITY_INVALID'
  | 'SECURITY_PLAINTEXT'
  | 'USER_EMPTY'
  | 'USER_TOO_LONG'
  | 'USER_CONTROL_CHARS'
  | 'USER_TRIMMED'
  | 'PASSWORD_EMPTY'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_CONTROL_CHARS'
  | 'TOKEN_EMPTY'
  | 'TOKEN_TOO_LONG'
  | 'TOKEN_INVALID'
  | 'CREDENTIAL_MISSING';

/** One refused field (or, as a notice, one adjusted field). `message` is English; the UI localizes by `reason`. */
export interface InputIssue {
  field: InputField;
  reason: InputReason;
  message: string;
}

export const MAX_USER_LENGTH = 320;
export const MAX_PASSWORD_LENGTH = 1024;
export const MAX_TOKEN_LENGTH = 16_384;

const CR_LF_NUL = /[\r\n\0]/;

/** The raw shape a form or the CLI hands in; every field is checked by `probeInputSchema`. */
export interface ProbeInput {
  host?: unknown;
  port?: unknown;
  security?: unknown;
  user?: unknown;
  credential?: { kind?: unknown; password?: unknown; accessToken?: unknown };
  networkOnly?: unknown;
}

type Issue = { field: InputField; reason: InputReason; message: string };

function checkSecurity(raw: unknown, issues: Issue[]): Security {
  if (raw === undefined || raw === null || raw === '') return 'tls';
  if (raw === 'tls' || raw === 'starttls') return raw;
  if (typeof raw === 'string' && /^(plain|none|insecure|cleartext)$/i.test(raw.trim())) {
    issues.push({
      field: 'security',
      reason: 'SECURITY_PLAINTEXT',
      message: 'Unencrypted connections are not supported; use tls (993) or starttls (143).',
    });
  } else {
    issues.push({ field: 'security', reason: 'SECURITY_INVALID', message: 'Security must be "tls" or "starttls".' });
  }
  return 'tls';
}

function checkPort(raw: unknown, fallback: number, issues: Issue[]): number {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    issues.push({ field: 'port', reason: 'PORT_INVALID', message: 'The port must be a whole number from 1 to 65535.' });
    return fallback;
  }
  return port;
}

function checkUser(raw: unknown, issues: Issue[], notices: Issue[]): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    issues.push({
      field: 'user',
      reason: 'USER_EMPTY',
      message: 'Enter the user name (usually the mailbox e-mail address).',
    });
    return '';
  }
  // Checked before trimming: a trailing CR/LF is exactly the injection this refuses.
  if (CR_LF_NUL.test(raw)) {
    issues.push({
      field: 'user',
      reason: 'USER_CONTROL_CHARS',
      message: 'The user name must not contain line breaks or NUL characters.',
    });
    return '';
  }
  const user = raw.trim();
  if (user !== raw)
    notices.push({ field: 'user', reason: 'USER_TRIMMED', message: 'Spaces around the user name were removed.' });
  if (user.length > MAX_USER_LENGTH) {
    issues.push({
      field: 'user',
      reason: 'USER_TOO_LONG',
      message: `The user name is longer than ${MAX_USER_LENGTH} characters.`,
    });
  }
  return user;
}

/** A rule a secret can break, in the order they are checked: the first one broken is the issue reported. */
type SecretRule = readonly [breaks: (secret: string) => boolean, reason: InputReason, message: string];

const TOKEN_RULES: readonly SecretRule[] = [
  [(s) => s === '', 'TOKEN_EMPTY', 'No access token was given.'],
  [
    (s) => s.length > MAX_TOKEN_LENGTH,
    'TOKEN_TOO_LONG',
    `The access token is longer than ${MAX_TOKEN_LENGTH} characters.`,
  ],
  [
    (s) => !/^[\x21-\x7e]+$/.test(s),
    'TOKEN_INVALID',
    'The access token contains characters a bearer token cannot have.',
  ],
];

// Never trimmed: leading and trailing spaces can be part of a password.
const PASSWORD_RULES: readonly SecretRule[] = [
  [(s) => s === '', 'PASSWORD_EMPTY', 'Enter the password.'],
  [
    (s) => s.length > MAX_PASSWORD_LENGTH,
    'PASSWORD_TOO_LONG',
    `The password is longer than ${MAX_PASSWORD_LENGTH} characters.`,
  ],
  [(s) => CR_LF_NUL.test(s), 'PASSWORD_CONTROL_CHARS', 'The password must not contain line breaks or NUL characters.'],
];

/** The secret if it keeps every rule (a non-string counts as empty); else undefined and the first broken rule's issue. */
function checkSecret(
  raw: unknown,
  field: InputField,
  rules: readonly SecretRule[],
  issues: Issue[],
): string | undefined {
  const secret = typeof raw === 'string' ? raw : '';
  const broken = rules.find(([breaks]) => breaks(secret));
  if (!broken) return secret;
  issues.push({ field, reason: broken[1], message: broken[2] });
  return undefined;
}

function checkCredential(raw: ProbeInput['credential'], networkOnly: boolean, issues: Issue[]): Credential | undefined {
  if (networkOnly) return undefined;
  if (raw?.kind === 'xoauth2') {
    const accessToken = checkSecret(raw.accessToken, 'accessToken', TOKEN_RULES, issues);
    return accessToken === undefined ? undefined : { kind: 'xoauth2', accessToken };
  }
  if (raw === undefined || raw.kind !== 'password') {
    issues.push({
      field: 'credential',
      reason: 'CREDENTIAL_MISSING',
      message: 'A password or access token is required unless only the network is checked.',
    });
    return undefined;
  }
  const password = checkSecret(raw.password, 'password', PASSWORD_RULES, issues);
  return password === undefined ? undefined : { kind: 'password', password };
}

/** Validates and normalises raw input; returns issues instead of throwing. Never echoes a secret. */
export function checkProbeInput(raw: ProbeInput): {
  settings: ProbeSettings;
  issues: InputIssue[];
  notices: InputIssue[];
} {
  const issues: Issue[] = [];
  const notices: Issue[] = [];
  const security = checkSecurity(raw.security, issues);
  let port = checkPort(raw.port, DEFAULT_PORTS[security], issues);
  let host = '';
  if (typeof raw.host !== 'string') {
    issues.push({ field: 'host', reason: 'HOST_EMPTY', message: 'Enter the IMAP server name.' });
  } else {
    const parsed = parseHost(raw.host);
    if (!parsed.ok) {
      issues.push({ field: 'host', reason: parsed.reason, message: parsed.message });
    } else {
      host = parsed.host;
      if (parsed.normalised) {
        notices.push({ field: 'host', reason: 'HOST_NORMALISED', message: `The host was read as "${host}".` });
      }
      if (parsed.port !== undefined && parsed.port !== port) {
        if (parsed.port >= 1 && parsed.port <= 65_535) {
          port = parsed.port;
          notices.push({
            field: 'port',
            reason: 'PORT_FROM_URL',
            message: `The port ${port} was taken from the pasted address.`,
          });
        } else {
          issues.push({
            field: 'port',
            reason: 'PORT_INVALID',
            message: 'The port must be a whole number from 1 to 65535.',
          });
        }
      }
    }
  }
  const networkOnly = raw.networkOnly === true;
  const user = networkOnly && (raw.user === undefined || raw.user === '') ? '' : checkUser(raw.user, issues, notices);
  const credential = checkCredential(raw.credential, networkOnly, issues);
  const settings: ProbeSettings = { host, port, security, user, networkOnly, ...(credential ? { credential } : {}) };
  return { settings, issues, notices };
}

const credentialInputSchema = z.union([
  z.object({ kind: z.literal('password'), password: z.unknown() }),
  z.object({ kind: z.literal('xoauth2'), accessToken: z.unknown() }),
]);

/**
 * The zod face of `checkProbeInput`: parse → normalised `ProbeSettings`, or issues with `path: [field]`,
 * a field-specific message and `params.reason`. Notices are dropped here; use `checkProbeInput` to show them.
 */
export const probeInputSchema = z
  .object({
    host: z.unknown(),
    port: z.unknown().optional(),
    security: z.unknown().optional(),
    user: z.unknown().optional(),
    credential: credentialInputSchema.optional(),
    networkOnly: z.boolean().optional(),
  })
  .transform((raw, ctx): ProbeSettings => {
    const { settings, issues } = checkProbeInput(raw as ProbeInput);
    for (const issue of issues) {
      ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message, params: { reason: issue.reason } });
    }
    return issues.length > 0 ? z.NEVER : settings;
  });
