/** The greeting and capabilities stages: what the server says first, and what it can do. */
import type { CapabilityDetails, GreetingDetails } from '@shared/probe/report';

import { StageFailure } from './failure';
import { capabilitiesOf, type ImapResponse, withoutTag } from './imap-response';
import type { ImapSession } from './imap-session';

/**
 * Services that wait for the client to speak first (HTTP) never greet. After this share of the greeting budget
 * passes in total silence, the probe sends a harmless CAPABILITY: an IMAP server that is merely slow answers it
 * after its greeting, anything else gives itself away.
 */
const NUDGE_MAX_MS = 3000;

export interface Greeting {
  response: ImapResponse;
  details: GreetingDetails;
  /** Tag of the nudge CAPABILITY, whose completion is still due. */
  nudgeTag?: string;
}

function looksLike(line: string): GreetingDetails['looksLike'] {
  if (/^HTTP\/\d/i.test(line) || /^<(!doctype|html)/i.test(line)) return 'http';
  if (/^220[ -].*\bftp\b/i.test(line)) return 'ftp';
  if (/^220[ -]/.test(line) || /^554[ -]/.test(line)) return 'smtp';
  if (/^\+OK\b/.test(line)) return 'pop3';
  if (/^SSH-\d/.test(line)) return 'ssh';
  if (line.charCodeAt(0) === 0x16 && line.charCodeAt(1) === 0x03) return 'tls';
  return 'unknown';
}

/** Greeting stage: one line that must be `* OK`, `* PREAUTH` or `* BYE`. */
export async function greetingStage(session: ImapSession, stageCapMs: number, plaintext: boolean): Promise<Greeting> {
  let nudgeTag: string | undefined;
  const capMs = session.cap(stageCapMs);
  const response = await session.readOne(
    'greeting',
    capMs,
    () =>
      new StageFailure<'greeting'>(
        'GREETING_TIMEOUT',
        session.conn.bytesReceived > 0
          ? `The greeting was still incomplete after ${Math.round(capMs)} ms (${session.conn.bytesReceived} bytes so far).`
          : `The server accepted the connection but sent no greeting within ${Math.round(capMs)} ms.`,
        { status: 'none', text: '', ...(plaintext ? { plaintext } : {}) },
      ),
    (signal) => {
      const timer = setTimeout(
        () => {
          if (session.conn.bytesReceived > 0) return;
          nudgeTag = session.nextTag();
          session.conn.writeLine(`${nudgeTag} CAPABILITY`);
        },
        Math.min(NUDGE_MAX_MS, capMs / 3),
      );
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    },
  );
  const plain = plaintext ? { plaintext } : {};
  if (response.tag === '*' && (response.kind === 'OK' || response.kind === 'PREAUTH' || response.kind === 'BYE')) {
    const details: GreetingDetails = { status: response.kind, text: withoutTag(response), ...plain };
    if (response.kind === 'BYE') {
      const unavailable = response.code === 'UNAVAILABLE';
      throw new StageFailure<'greeting'>(
        unavailable ? 'SERVER_UNAVAILABLE' : 'SERVER_BYE',
        `The server refused the session: ${response.raw}`,
        details,
      );
    }
    return { response, details, ...(nudgeTag ? { nudgeTag } : {}) };
  }
  const kind = looksLike(response.raw) ?? 'unknown';
  throw new StageFailure<'greeting'>(
    'NOT_IMAP',
    `Something other than IMAP answers on this port${kind === 'unknown' ? '' : ` (looks like ${kind.toUpperCase()})`}.`,
    { status: 'none', text: response.raw.slice(0, 200), looksLike: kind, ...plain },
  );
}

function capabilityDetails(list: string[], source: CapabilityDetails['source']): CapabilityDetails {
  const upper = list.map((c) => c.toUpperCase());
  return {
    list,
    source,
    authMechanisms: upper.filter((c) => c.startsWith('AUTH=')).map((c) => c.slice(5)),
    loginDisabled: upper.includes('LOGINDISABLED'),
  };
}

export const hasCapability = (caps: CapabilityDetails, name: string): boolean =>
  caps.list.some((c) => c.toUpperCase() === name.toUpperCase());

/**
 * Capabilities stage: taken from the greeting when it carries them (Dovecot), else asked for (Exchange). After
 * STARTTLS the greeting's list is stale by definition, so it is asked for again.
 */
export async function capabilitiesStage(
  session: ImapSession,
  greeting: Greeting | undefined,
  capMs: number,
): Promise<CapabilityDetails> {
  const fromGreeting = greeting && !greeting.nudgeTag ? capabilitiesOf(greeting.response) : undefined;
  if (fromGreeting) return capabilityDetails(fromGreeting, 'greeting');
  let tag = greeting?.nudgeTag;
  if (!tag) {
    tag = session.nextTag();
    session.conn.writeLine(`${tag} CAPABILITY`);
  }
  const { tagged, untagged } = await session.complete(tag, 'capabilities', capMs);
  const list = [...untagged, tagged].map(capabilitiesOf).find((l) => l !== undefined);
  if (tagged.kind !== 'OK' || !list) {
    throw new StageFailure<'capabilities'>(
      'NOT_IMAP',
      `The server did not list its capabilities: ${withoutTag(tagged)}`,
    );
  }
  return capabilityDetails(list, 'command');
}
