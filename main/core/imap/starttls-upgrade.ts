import { StageFailure } from './failure';
import type { Greeting } from './greeting-stage';
import { withoutTag } from './imap-response';
import type { ImapSession } from './imap-session';

/**
 * STARTTLS on the plain connection. Any bytes the server sends after its OK and before the handshake are
 * discarded (they could be an injected response), and nothing else is sent in the clear.
 */
export async function startTls(session: ImapSession, greeting: Greeting, capMs: number): Promise<void> {
  const fail = (note: string) =>
    new StageFailure<'tls'>('TLS_HANDSHAKE_FAILED', note, {
      starttls: true,
      verdict: 'handshake-failed',
      chain: [],
      error: note,
    });
  const announced = greeting.nudgeTag
    ? undefined
    : greeting.response.code === 'CAPABILITY'
      ? greeting.response.codeArgs
      : undefined;
  if (announced !== undefined && !/(^|\s)STARTTLS(\s|$)/i.test(announced)) {
    throw fail('The server does not offer STARTTLS on this port; no credentials were sent.');
  }
  if (greeting.nudgeTag) await session.complete(greeting.nudgeTag, 'tls', capMs);
  const tag = session.nextTag();
  session.conn.writeLine(`${tag} STARTTLS`);
  const { tagged } = await session.complete(tag, 'tls', capMs);
  if (tagged.kind !== 'OK') throw fail(`The server refused STARTTLS: ${withoutTag(tagged)}`);
  const unasked = session.conn.detach();
  if (unasked > 0)
    session.conn.transcript.add('note', `${unasked} bytes sent by the server before the TLS handshake were discarded`);
}
