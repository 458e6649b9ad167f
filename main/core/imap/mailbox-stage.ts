import type { MailboxDetails } from '@shared/probe/report';

import { StageFailure } from './failure';
import { statusMessagesOf, throttleOf, withoutTag } from './imap-response';
import type { ImapSession } from './imap-session';

/**
 * Mailbox stage: a login alone proves little (Exchange may accept it and then answer the first mailbox command with
 * "User is authenticated but not connected"), so INBOX is checked with STATUS. LOGOUT is pipelined right behind it:
 * the verdict is in as soon as STATUS completes, and nobody waits for the goodbye.
 */
export async function mailboxStage(session: ImapSession, capMs: number): Promise<MailboxDetails> {
  const tag = session.nextTag();
  session.conn.writeLine(`${tag} STATUS INBOX (MESSAGES)`);
  session.sendLogout();
  const { tagged, untagged } = await session.complete(tag, 'mailbox', capMs);
  const details: MailboxDetails = { mailbox: 'INBOX', command: 'STATUS', response: withoutTag(tagged) };
  if (tagged.code) details.responseCode = tagged.code;
  if (tagged.kind === 'OK') {
    const messages = untagged.map(statusMessagesOf).find((n) => n !== undefined);
    if (messages === undefined)
      throw new StageFailure<'mailbox'>(
        'MAILBOX_FAILED',
        'The server answered STATUS without a message count.',
        details,
      );
    return { ...details, messages };
  }
  if (/not connected/i.test(tagged.text)) {
    throw new StageFailure<'mailbox'>(
      'MAILBOX_NOT_CONNECTED',
      `The login was accepted but the mailbox is not reachable: ${details.response}`,
      details,
    );
  }
  if (throttleOf(tagged).throttled)
    throw new StageFailure<'mailbox'>('AUTH_THROTTLED', `The server is throttling: ${details.response}`, details);
  if (tagged.code === 'UNAVAILABLE')
    throw new StageFailure<'mailbox'>(
      'SERVER_UNAVAILABLE',
      `The mailbox server is unavailable: ${details.response}`,
      details,
    );
  throw new StageFailure<'mailbox'>('MAILBOX_FAILED', `INBOX could not be opened: ${details.response}`, details);
}
