/**
 * Host-field normalisation for the connection test. Admins paste all sorts of things into a host field;
 * exactly one shape is repaired (an `imaps://host[:port][/]` URL, with a notice), everything else that is not a
 * bare host name or IP address is refused with a reason the UI can explain.
 * Runs in the renderer too, so no Node imports.
 */

export type HostReason =
  | 'HOST_EMPTY'
  | 'HOST_TOO_LONG'
  | 'HOST_HAS_SCHEME'
  | 'HOST_HAS_PATH'
  | 'HOST_HAS_SPACES'
  | 'HOST_HAS_PORT'
  | 'HOST_IS_EMAIL'
  | 'HOST_ILLEGAL_CHARS';

export type HostParse =
  | { ok: true; host: string; port?: number; normalised: boolean; kind: 'name' | 'ipv4' | 'ipv6' }
  | { ok: false; reason: HostReason; message: string };

export const MAX_HOST_LENGTH = 253;
/** Raw input longer than this is refused before any parsing (bounds the work done on pasted garbage). */
const MAX_RAW_HOST_LENGTH = 1024;

const fail = (reason: HostReason, message: string): HostParse => ({ ok: false, reason, message });

export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function isIPv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || !value.includes(':')) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups[groups.length - 1];
  const embedsV4 = last !== undefined && last.includes('.');
  if (embedsV4 && !isIPv4(last)) return false;
  const hexGroups = embedsV4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (embedsV4 ? 2 : 0);
  return halves.length === 2 ? width < 8 : width === 8;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function parseName(name: string): HostParse {
  let host = name.toLowerCase().replace(/\.$/, '');
  let normalised = host !== name;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) {
    // Internationalised names go out as punycode; URL does the conversion in Node and in the browser alike.
    try {
      host = new URL(`http://${host}/`).hostname;
      normalised = true;
    } catch {
      return fail('HOST_ILLEGAL_CHARS', 'The host name contains characters that are not allowed.');
    }
  }
  if (host.length > MAX_HOST_LENGTH)
    return fail('HOST_TOO_LONG', `The host name is longer than ${MAX_HOST_LENGTH} characters.`);
  if (!host.split('.').every((label) => LABEL.test(label))) {
    return fail('HOST_ILLEGAL_CHARS', 'The host name may only contain letters, digits, dots and hyphens.');
  }
  return { ok: true, host, normalised, kind: 'name' };
}

function parseBare(value: string): HostParse {
  if (/\s/.test(value)) return fail('HOST_HAS_SPACES', 'The host name contains spaces.');
  if (/[/?#\\]/.test(value)) return fail('HOST_HAS_PATH', 'Enter only the host name, without a path.');
  if (value.includes('@'))
    return fail(
      'HOST_IS_EMAIL',
      'This looks like an e-mail address; enter the server name (e.g. outlook.office365.com).',
    );
  if (value.startsWith('[') && value.endsWith(']')) {
    const inner = value.slice(1, -1);
    return isIPv6(inner)
      ? { ok: true, host: inner.toLowerCase(), normalised: true, kind: 'ipv6' }
      : fail('HOST_ILLEGAL_CHARS', 'The bracketed address is not a valid IPv6 address.');
  }
  if (isIPv6(value)) return { ok: true, host: value.toLowerCase(), normalised: false, kind: 'ipv6' };
  if (/^[^:]+:\d*$/.test(value))
    return fail('HOST_HAS_PORT', 'Enter the port in the port field, not after the host name.');
  if (value.includes(':')) return fail('HOST_ILLEGAL_CHARS', 'The host name contains a colon.');
  if (isIPv4(value)) return { ok: true, host: value, normalised: false, kind: 'ipv4' };
  return parseName(value);
}

/** Accepts only `imaps://authority[/]`; the authority may carry a port. */
function parseImapsUrl(value: string): HostParse {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme !== 'imaps') {
    return fail('HOST_HAS_SCHEME', 'Enter only the host name, without a scheme such as https://.');
  }
  const m = /^imaps:\/\/([^/?#]*)\/?$/i.exec(value);
  if (!m || !m[1]) return fail('HOST_HAS_PATH', 'Enter only the host name, without a path.');
  const authority = m[1];
  if (authority.includes('@')) return fail('HOST_ILLEGAL_CHARS', 'The address must not contain a user name.');
  const split = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(authority);
  if (!split || !split[1]) return fail('HOST_ILLEGAL_CHARS', 'The address after imaps:// is not a host name.');
  const inner = parseBare(split[1]);
  if (!inner.ok) return inner;
  const port = split[2] === undefined ? undefined : Number(split[2]);
  return { ...inner, normalised: true, ...(port === undefined ? {} : { port }) };
}

/** Normalises what a person typed or pasted into the host field. */
export function parseHost(raw: string): HostParse {
  const value = raw.trim();
  if (value === '') return fail('HOST_EMPTY', 'Enter the IMAP server name.');
  if (value.length > MAX_RAW_HOST_LENGTH)
    return fail('HOST_TOO_LONG', `The host name is longer than ${MAX_HOST_LENGTH} characters.`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return parseImapsUrl(value);
  return parseBare(value);
}
