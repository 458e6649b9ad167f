/**
 * A connection cut off (reset, or closed) before the server said a word. That is an active refusal, told apart from
 * "nothing listens" (TCP_REFUSED) because something did take the connection first.
 */
import { checkFromServer } from './entries-connection';
import type { CauseEntry, DiagnosisEntry } from './types';

const localSecurity: CauseEntry = {
  id: 'local-security-software',
  weight: 50,
  text: {
    de: 'Sicherheitssoftware auf diesem Rechner (etwa der E-Mail-Schutz eines Virenscanners) fängt IMAP-Verbindungen ab.',
    en: 'Security software on this computer (such as the e-mail shield of an antivirus product) intercepts IMAP connections.',
  },
};

export const resetEntries: DiagnosisEntry[] = [
  {
    code: 'TCP_RESET',
    severity: 'error',
    title: { de: 'Verbindung sofort abgebrochen', en: 'Connection cut off at once' },
    meaning: {
      de: 'Unter {host}:{port} wurde die Verbindung angenommen und sofort wieder abgebrochen (zurückgesetzt oder geschlossen), bevor der Server etwas gesendet hat. Das ist eine aktive Abweisung – durch den Server selbst oder durch eine Firewall auf dem Weg dorthin.',
      en: 'At {host}:{port} the connection was taken and cut off at once (reset or closed) before the server sent anything. That is an active refusal — by the server itself or by a firewall on the way there.',
    },
    causes: [
      {
        id: 'firewall-reset',
        weight: 100,
        text: {
          de: 'Eine Firewall, ein Web-Filter oder ein Schutzsystem gegen Angriffe lässt den Verbindungsaufbau zu und bricht ihn dann ab – oft, weil nur bestimmte Dienste wie HTTPS ins Internet dürfen oder weil der Servername beim Start von TLS gesperrt ist.',
          en: 'A firewall, web filter or intrusion prevention system lets the connection open and then cuts it — often because only certain services such as HTTPS may reach the internet, or because the server name is blocked when TLS starts.',
        },
      },
      localSecurity,
      {
        id: 'server-refuses-client',
        weight: 40,
        text: {
          de: 'Der Server weist Verbindungen von dieser Adresse ab (Zugriffsliste, zu viele Verbindungen, Sperre nach Fehlversuchen).',
          en: 'The server turns away connections from this address (access list, too many connections, a block after failed attempts).',
        },
      },
      {
        id: 'other-service',
        weight: 30,
        text: {
          de: 'Auf Port {port} läuft ein anderer Dienst, der fremde Verbindungen sofort beendet.',
          en: 'Port {port} runs another service that ends unknown connections at once.',
        },
      },
    ],
    actions: [
      {
        id: 'ask-firewall',
        text: {
          de: 'Bitten Sie die Netzwerkadministration, ausgehende Verbindungen zu {host}:{port} freizugeben, und lassen Sie im Protokoll der Firewall nach abgewiesenen Verbindungen suchen.',
          en: 'Ask your network team to allow outgoing connections to {host}:{port}, and to look for refused connections in the firewall log.',
        },
      },
      checkFromServer,
    ],
    variants: [
      {
        when: { products: ['exchange-online'] },
        causes: [
          {
            id: 'firewall-reset',
            weight: 100,
            text: {
              de: 'Bei Exchange Online kommt ein solcher Abbruch fast immer aus dem eigenen Netz: Eine Firewall, ein Proxy oder ein Filter lässt Verbindungen zu Microsoft auf Port {port} nicht durch.',
              en: 'With Exchange Online such a reset almost always comes from your own network: a firewall, proxy or filter does not let connections to Microsoft on port {port} through.',
            },
          },
          localSecurity,
        ],
      },
    ],
  },
];
