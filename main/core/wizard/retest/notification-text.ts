import type { Language } from '@shared/ipc/channels/app';

export type RetestOutcome = 'success' | 'gave-up' | 'stopped';

export interface NotificationText {
  title: string;
  body: string;
}

/**
 * The desktop notification when an automatic retest ends. Giving up after refused sign-ins explains the
 * basic-auth switch-off, because that — not a slow change — is the usual reason against Exchange Online.
 */
export function retestNotification(
  outcome: RetestOutcome,
  opts: { language: Language; profileName?: string; lastCode?: string; hours: number },
): NotificationText {
  const de = opts.language === 'de';
  const name = opts.profileName ? ` – ${opts.profileName}` : '';
  if (outcome === 'success') {
    return de
      ? {
          title: `Verbindung erfolgreich${name}`,
          body: 'Der automatische Test konnte sich am Postfach anmelden. Weitere Wiederholungen finden nicht statt.',
        }
      : {
          title: `Connection successful${name}`,
          body: 'The automatic test signed in to the mailbox. No further retests will run.',
        };
  }
  if (outcome === 'stopped') {
    const code = opts.lastCode ?? '?';
    return de
      ? {
          title: `Automatischer Test angehalten${name}`,
          body: `Der Test ist mit einem anderen Fehler (${code}) gescheitert, den Abwarten nicht behebt. Die Diagnose im Assistenten zeigt, was zu tun ist.`,
        }
      : {
          title: `Automatic test stopped${name}`,
          body: `The test failed with a different error (${code}) that waiting will not fix. The diagnosis in the assistant shows what to do.`,
        };
  }
  if (opts.lastCode === 'TIMEOUT') {
    return de
      ? {
          title: `Automatischer Test aufgegeben${name}`,
          body: `Der Server hat ${opts.hours} Stunden lang nicht rechtzeitig geantwortet. Prüfen Sie im Assistenten die Netzwerkprüfung.`,
        }
      : {
          title: `Automatic test gave up${name}`,
          body: `The server did not answer in time for ${opts.hours} hours. Run the network check in the assistant.`,
        };
  }
  return de
    ? {
        title: `Automatischer Test aufgegeben${name}`,
        body:
          `Die Anmeldung wurde ${opts.hours} Stunden lang abgelehnt. Bei Exchange Online (outlook.office365.com) ist das zu erwarten: ` +
          'Microsoft hat die Basic-Authentifizierung für IMAP Anfang 2023 endgültig abgeschaltet, und ein App-Kennwort ist genau das. ' +
          'Warten hilft dort nicht; nur die moderne Anmeldung (OAuth 2.0) funktioniert. Einzelheiten stehen im Assistenten.',
      }
    : {
        title: `Automatic test gave up${name}`,
        body:
          `The sign-in was refused for ${opts.hours} hours. With Exchange Online (outlook.office365.com) this is expected: ` +
          'Microsoft switched basic authentication for IMAP off for good in early 2023, and an app password is exactly that. ' +
          'Waiting will not help there; only modern sign-in (OAuth 2.0) works. The assistant has the details.',
      };
}
