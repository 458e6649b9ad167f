/**
 * Encodings of the credential for the three ways a probe can log in. Each returns the bytes to send and,
 * separately, what the transcript shows; the secret only ever lives in the former.
 */

/** RFC 4616 PLAIN: empty authorization identity, NUL, user, NUL, password — UTF-8, then base64. */
export const saslPlain = (user: string, password: string): string =>
  Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');

/** SASL XOAUTH2 initial response as Microsoft and Google document it. */
export const saslXoauth2 = (user: string, accessToken: string): string =>
  Buffer.from(`user=${user}\x01auth=Bearer ${accessToken}\x01\x01`, 'utf8').toString('base64');

/** One argument of a LOGIN command: an IMAP quoted string when plain printable ASCII, else a literal. */
export type LoginArg = { kind: 'quoted'; text: string } | { kind: 'literal'; bytes: Buffer };

export function loginArg(value: string): LoginArg {
  if (/^[\x20-\x7e]*$/.test(value)) return { kind: 'quoted', text: `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"` };
  // Non-ASCII cannot go in an IMAP4rev1 quoted string; a literal carries the UTF-8 bytes verbatim.
  return { kind: 'literal', bytes: Buffer.from(value, 'utf8') };
}

/** Decodes a base64 SASL challenge for the report (XOAUTH2 error JSON), bounded and printable. */
export function decodeChallenge(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/=]{4,4096}$/.test(text.trim())) return undefined;
  const decoded = Buffer.from(text.trim(), 'base64').toString('utf8');
  return /^[\x20-\x7e\s]+$/.test(decoded) ? decoded.slice(0, 500) : undefined;
}
