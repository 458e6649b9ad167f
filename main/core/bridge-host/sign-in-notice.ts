/**
 * The one OS notification of a needs-sign-in episode: which connection, and the one thing that fixes it.
 * (Moves into the text catalogue with the other main-side texts.)
 */
import type { Language } from '@shared/ipc/channels/app';

export function needsSignInNotice(language: Language, connection: string, mailbox: string) {
  return language === 'de'
    ? {
        title: `OAuth-Brücke: Anmeldung nötig – ${connection}`,
        body: `Die Anmeldung von ${mailbox} ist abgelaufen oder wurde widerrufen. agorum core erhält keine E-Mails, bis Sie sich im Assistenten erneut als Postfachbenutzer anmelden.`,
      }
    : {
        title: `OAuth bridge: sign-in needed – ${connection}`,
        body: `The sign-in of ${mailbox} expired or was revoked. agorum core gets no mail until you sign in again as the mailbox user in the assistant.`,
      };
}
