/**
 * Just enough of the IMAP response grammar for a connection test: status responses (OK/NO/BAD/BYE/PREAUTH)
 * with their bracketed response code, CAPABILITY data, STATUS data and continuation requests.
 */

export type ResponseStatus = 'OK' | 'NO' | 'BAD' | 'BYE' | 'PREAUTH';

export interface ImapResponse {
  /** '*' for untagged, '+' for a continuation request, else the command tag. */
  tag: string;
  /** Upper-cased status or data name (OK, NO, CAPABILITY, STATUS, ...); '' for continuations. */
  kind: string;
  /** Response code inside [...], upper-cased name only (e.g. AUTHENTICATIONFAILED, CAPABILITY). */
  code?: string;
  /** Whatever followed the code name inside the brackets. */
  codeArgs?: string;
  /** Human-readable text after the code. */
  text: string;
  raw: string;
}

const STATUSES = new Set(['OK', 'NO', 'BAD', 'BYE', 'PREAUTH']);

export const isStatus = (kind: string): kind is ResponseStatus => STATUSES.has(kind);

export function parseResponse(raw: string): ImapResponse {
  if (raw.startsWith('+')) return { tag: '+', kind: '', text: raw.slice(1).trimStart(), raw };
  const m = /^(\S+) (\S+)(?: (.*))?$/s.exec(raw);
  if (!m || !m[1] || !m[2]) return { tag: raw.split(' ')[0] ?? '', kind: '', text: raw, raw };
  const tag = m[1];
  const kind = m[2].toUpperCase();
  let rest = m[3] ?? '';
  const out: ImapResponse = { tag, kind, text: rest, raw };
  if (isStatus(kind) && rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close > 0) {
      const inner = rest.slice(1, close);
      const space = inner.indexOf(' ');
      out.code = (space < 0 ? inner : inner.slice(0, space)).toUpperCase();
      if (space >= 0) out.codeArgs = inner.slice(space + 1);
      rest = rest.slice(close + 1).trimStart();
      out.text = rest;
    }
  }
  return out;
}

/** Capability names from `* CAPABILITY ...` or from a `[CAPABILITY ...]` response code; undefined if neither. */
export function capabilitiesOf(response: ImapResponse): string[] | undefined {
  const list =
    response.kind === 'CAPABILITY' ? response.text : response.code === 'CAPABILITY' ? response.codeArgs : undefined;
  return list === undefined ? undefined : list.split(/\s+/).filter(Boolean);
}

/** MESSAGES count from `* STATUS <mailbox> (MESSAGES n ...)`; the mailbox name may be quoted or a literal. */
export function statusMessagesOf(response: ImapResponse): number | undefined {
  if (response.tag !== '*' || response.kind !== 'STATUS') return undefined;
  const items = /\(([^()]*)\)\s*$/.exec(response.text)?.[1];
  const m = items === undefined ? null : /(?:^|\s)MESSAGES\s+(\d{1,10})(?:\s|$)/i.exec(items);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** Exchange's "Request is throttled. Suggested Backoff Time: N milliseconds". */
export function throttleOf(response: ImapResponse): { throttled: boolean; backoffMs?: number } {
  const text = response.raw;
  const throttled = /throttl/i.test(text) || response.code === 'LIMIT';
  const backoff = /Backoff Time:\s*(\d{1,9})\s*milliseconds/i.exec(text)?.[1];
  return backoff === undefined ? { throttled } : { throttled, backoffMs: Number(backoff) };
}

/** The response without its tag, as shown in reports ("NO AUTHENTICATE failed."). */
export const withoutTag = (response: ImapResponse): string => response.raw.slice(response.tag.length + 1);
