/**
 * Redaction for everything that leaves the process as text: log lines, the support bundle, crash dialogs.
 * Pure functions, no I/O. They err on the side of removing too much: a support engineer can ask again,
 * a leaked app password cannot be taken back.
 */

export const REDACTED = '[redacted]';

/** Object keys whose string values are secrets wherever they appear (compared without case, `_` and `-`). */
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'credential',
  'apikey',
  'privatekey',
  'cookie',
  'authorization',
  'verifier',
  'assertion',
  'sasl',
];
// Not `code`: error codes (EAUTH, ETIMEDOUT) are what support needs; OAuth codes are caught by the URL and blob rules.
const SECRET_KEYS_EXACT = new Set(['pass', 'pwd', 'pw', 'auth', 'bearer', 'xoauth2']);

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[_-]/g, '');
  return SECRET_KEYS_EXACT.has(k) || SECRET_KEY_PARTS.some((p) => k.includes(p));
}

export interface RedactOptions {
  /** Exact values to remove wherever they occur (secrets the caller knows, e.g. the one being tested). */
  known?: Iterable<string>;
  /** The user's home folder: replaced by `~` so paths do not carry the account name. */
  homeDir?: string;
}

type Rule = [RegExp, string | ((...m: string[]) => string)];

/** File paths look like blobs (long, mixed case, digits, slashes) but must stay readable in stack traces. */
function looksLikePath(match: string, after: string): boolean {
  const slashes = match.split('/').length - 1;
  if (match.includes('node_modules') || (slashes >= 1 && /^\.[A-Za-z0-9]{1,5}\b/.test(after))) return true;
  return slashes >= 2 && (match.startsWith('/') || match.split('/').some((seg) => /^[a-z][a-z-]{2,}$/.test(seg)));
}

const QUOTED = String.raw`"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'`;
const KEYISH = String.raw`[\w.-]*(?:password|passwd|passphrase|secret|token|credential|api[_-]?key|private[_-]?key)[\w.-]*|pwd|pass`;

/**
 * Ordered: multi-line and structured forms first, so later, more generic rules see their markers
 * instead of half a secret.
 */
const RULES: Rule[] = [
  // PEM private keys, whole block.
  [
    /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g,
    `-----BEGIN $1PRIVATE KEY----- ${REDACTED}`,
  ],
  // JSON Web Tokens (three base64url parts, header starts with {" = eyJ).
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]'],
  // HTTP authentication in any form.
  [/\b(Proxy-)?(Authorization|Cookie|Set-Cookie)(\s*[:=]\s*)[^\r\n]*/gi, `$1$2$3${REDACTED}`],
  [
    /\b(Bearer|Basic|Negotiate|NTLM)([ \t]+)(?=[A-Za-z0-9\-._~+/]*[0-9+/=_~.-])[A-Za-z0-9\-._~+/]{6,}=*/g,
    `$1$2${REDACTED}`,
  ],
  // IMAP: AUTHENTICATE <MECH> <initial response> (SASL-IR) — the mechanism stays, the payload goes.
  [/\bAUTHENTICATE([ \t]+)([A-Z0-9_-]+)[ \t]+(?!=\s)[^\s]+/g, `AUTHENTICATE$1$2 ${REDACTED}`],
  // IMAP: <tag> LOGIN <user> <password> — everything after LOGIN on that line (server replies such as
  // "a1 NO LOGIN failed." have NO/BAD/OK before LOGIN and stay readable).
  [
    /(^|[^\w])(?!(?:OK|NO|BAD|BYE|PREAUTH)\b)([A-Za-z0-9.]+[ \t]+)LOGIN[ \t]+(?=\S+[ \t]+\S)[^\r\n]*/gm,
    `$1$2LOGIN ${REDACTED}`,
  ],
  [/(^|[:>][ \t]*)LOGIN[ \t]+(?=\S+[ \t]+\S)(?!\[redacted\])[^\r\n]*/gm, `$1LOGIN ${REDACTED}`],
  // SASL continuation sent by the client: a line that is only a long base64 blob, possibly after "C:" / "> ".
  [/^((?:C:|>|client:)?[ \t]*)[A-Za-z0-9+/]{16,}={0,2}[ \t]*$/gim, `$1${REDACTED}`],
  // user:password@ in URLs.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, `$1${REDACTED}@`],
  // Secrets in query strings and form bodies (OAuth codes, tokens, client secrets).
  [
    /([?&#;](?:code|state|session_state|access_token|id_token|refresh_token|client_secret|client_assertion|assertion|code_verifier|password|passwd|pwd|token|secret|api_key|apikey|sig|signature)=)[^&#\s"'<>]+/gi,
    `$1${REDACTED}`,
  ],
  // key = value, key: value, "key": "value" for secret-looking keys.
  [
    new RegExp(String.raw`(["']?)\b(${KEYISH})\1(\s*[:=]\s*)(?!["']?\[redacted)(${QUOTED}|[^\s&,;'"}\])]+)`, 'gi'),
    (...m) => `${m[1]}${m[2]}${m[1]}${m[3]}${m[4]!.startsWith('"') ? `"${REDACTED}"` : REDACTED}`,
  ],
  // Microsoft Entra client secrets have a recognisable shape (…Q~…).
  [/\b[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{30,36}/g, REDACTED],
  // Long opaque blobs: base64 / base64url with mixed case and digits (SASL payloads, refresh tokens, keys).
  [
    /(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]*[0-9])(?=[A-Za-z0-9+/_-]*[a-z])(?=[A-Za-z0-9+/_-]*[A-Z])[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/_=-])/g,
    (m, offset, full) => (looksLikePath(m, full!.slice(Number(offset) + m.length)) ? m : '[redacted-blob]'),
  ],
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes secrets from free text. Idempotent: redacting twice gives the same text. */
export function redactText(text: string, opts: RedactOptions = {}): string {
  let out = text;
  for (const secret of opts.known ?? []) {
    // Very short "secrets" would shred ordinary words; they are not protected by this pass.
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const [re, replacement] of RULES) {
    out =
      typeof replacement === 'string'
        ? out.replace(re, replacement)
        : out.replace(re, replacement as (...a: string[]) => string);
  }
  if (opts.homeDir && opts.homeDir.length > 1) {
    out = out.replace(new RegExp(escapeRegExp(opts.homeDir), 'g'), '~');
  }
  return out;
}

// Deep enough for a certificate's alternative names inside the support bundle's reports (profile → report → stage
// → chain → certificate → names); cycles are caught separately.
const MAX_DEPTH = 16;

/**
 * Certificate facts that look like opaque blobs but are public by nature (printed by every browser): kept when they
 * have their usual hexadecimal shape. Keys compared without case.
 */
const PUBLIC_HEX_KEYS = new Set(['serialnumber', 'fingerprint', 'fingerprint256']);
const HEX = /^(?:[0-9A-Fa-f]{2}:?){1,64}$|^[0-9A-Fa-f]{1,128}$/;
const isPublicHex = (key: string, v: unknown): v is string =>
  typeof v === 'string' && PUBLIC_HEX_KEYS.has(key.toLowerCase()) && HEX.test(v);

/**
 * Deep copy of `value` with secrets removed: values under secret-looking keys are replaced, every string is
 * passed through `redactText`, binary data is summarised, errors keep name, code, message and stack (redacted).
 */
export function redactValue(value: unknown, opts: RedactOptions = {}): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactText(v, opts);
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? `[function ${v.name || 'anonymous'}]` : v;
    if (seen.has(v)) return '[circular]';
    if (depth > MAX_DEPTH) return '[too deep]';
    seen.add(v);
    if (v instanceof Uint8Array) return `[binary ${v.byteLength} bytes]`;
    if (v instanceof Date) return v.toISOString();
    if (v instanceof Error) {
      const e = v as Error & { code?: unknown; cause?: unknown };
      const out: Record<string, unknown> = { name: e.name, message: redactText(e.message, opts) };
      if (e.code !== undefined) out.code = walk(e.code, depth + 1);
      if (e.stack) out.stack = redactText(e.stack, opts);
      for (const [k, val] of Object.entries(e)) {
        if (k in out || k === 'cause') continue;
        out[k] = isSecretKey(k) && !isStructured(val) ? REDACTED : walk(val, depth + 1);
      }
      if (e.cause !== undefined) out.cause = walk(e.cause, depth + 1);
      return out;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v instanceof Map) return walk(Object.fromEntries(v), depth);
    if (v instanceof Set) return walk([...v], depth);
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      if (isPublicHex(k, val)) out[k] = val;
      else out[k] = isSecretKey(k) && !isStructured(val) ? redactLeaf(val) : walk(val, depth + 1);
    }
    return out;
  };
  return walk(value, 0);
}

/** Objects under a secret key (e.g. `auth: { user, pass }`) are walked, so their harmless parts stay. */
function isStructured(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !(v instanceof Uint8Array);
}

/** Booleans under a secret key (`passwordSet: true`) tell nothing secret; numbers may be PINs and go. */
function redactLeaf(v: unknown): unknown {
  return typeof v === 'boolean' || v === null || v === undefined ? v : REDACTED;
}
