import type { TranscriptEntry } from '@shared/probe/report';

export const REPORT_MASK = '****';

/** Client commands whose arguments never carry a credential. */
const SAFE_COMMANDS = new Set([
  'CAPABILITY',
  'NOOP',
  'LOGOUT',
  'STARTTLS',
  'ID',
  'STATUS',
  'SELECT',
  'EXAMINE',
  'LIST',
  'LSUB',
  'NAMESPACE',
  'ENABLE',
  'COMPRESS',
]);

/**
 * Masks what the client sent, whatever the probe already did: commands known to be harmless stay, LOGIN and
 * AUTHENTICATE keep only their name and mechanism, and anything else a client line holds (SASL continuation data,
 * unknown commands) is replaced as a whole. Server lines and the probe's notes stay as they are.
 */
export function redactClientLine(line: string): string {
  const m = /^(\S+) ([A-Za-z]+)(?: (.*))?$/.exec(line);
  if (!m) return REPORT_MASK;
  const [, tag, rawCommand, args] = m;
  const command = rawCommand!.toUpperCase();
  if (!/^[A-Za-z0-9.*+-]{1,20}$/.test(tag!)) return REPORT_MASK;
  if (SAFE_COMMANDS.has(command)) return line;
  if (command === 'LOGIN') return `${tag} LOGIN ${REPORT_MASK}`;
  if (command === 'AUTHENTICATE') {
    const [mechanism, initialResponse] = (args ?? '').split(' ', 2);
    if (!mechanism || !/^[A-Z0-9_-]{1,20}$/i.test(mechanism)) return `${tag} AUTHENTICATE ${REPORT_MASK}`;
    return initialResponse === undefined
      ? `${tag} AUTHENTICATE ${mechanism}`
      : `${tag} AUTHENTICATE ${mechanism} ${REPORT_MASK}`;
  }
  return REPORT_MASK;
}

export function redactTranscript(entries: readonly TranscriptEntry[]): TranscriptEntry[] {
  return entries.map((e) => (e.dir === 'client' ? { ...e, line: redactClientLine(e.line) } : e));
}
