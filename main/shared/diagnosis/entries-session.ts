/** Diagnoses for the IMAP session outside the login itself: success, greeting, protocol, interruptions. */
import type { DiagnosisEntry } from './types';

const retryLater = {
  id: 'retry-later',
  text: { de: 'Wiederholen Sie den Test später.', en: 'Repeat the test later.' },
};

export const sessionEntries: DiagnosisEntry[] = [
  {
    code: 'OK',
    severity: 'success',
    title: { de: 'Verbindung funktioniert', en: 'Connection works' },
    meaning: {
      de: 'Anmeldung und Zugriff auf den Posteingang waren erfolgreich; er enthält {messages} Nachrichten.',
      en: 'Login and access to the inbox succeeded; it holds {messages} messages.',
    },
    causes: [],
    actions: [
      {
        id: 'take-over',
        text: {
          de: 'Übernehmen Sie diese Einstellungen in den agorum-Mailadapter.',
          en: 'Use these settings in the agorum mail adapter.',
        },
      },
    ],
    variants: [
      {
        when: { networkOnly: true },
        title: { de: 'Server erreichbar', en: 'Server reachable' },
        meaning: {
          de: 'Netzwerk, Verschlüsselung und IMAP-Server sind in Ordnung. Eine Anmeldung wurde bei diesem Test nicht versucht.',
          en: 'Network, encryption and IMAP server are fine. This test did not try to log in.',
        },
        actions: [
          {
            id: 'continue',
            text: { de: 'Fahren Sie mit dem nächsten Schritt fort.', en: 'Continue with the next step.' },
          },
        ],
      },
    ],
  },
  {
    code: 'NOT_IMAP',
    severity: 'error',
    title: { de: 'Dort antwortet kein IMAP-Server', en: 'No IMAP server answers there' },
    meaning: {
      de: 'Auf {host}:{port} antwortet ein anderer Dienst{looksLike}, oder die Antwort verletzt das IMAP-Protokoll.',
      en: 'Another service answers on {host}:{port}{looksLike}, or the answer violates the IMAP protocol.',
    },
    causes: [
      {
        id: 'wrong-port',
        weight: 100,
        text: {
          de: 'Falscher Port, z. B. 443 (Web) oder 25/587 (SMTP) statt 993.',
          en: 'Wrong port, e.g. 443 (web) or 25/587 (SMTP) instead of 993.',
        },
      },
      {
        id: 'proxy-answers',
        weight: 40,
        text: {
          de: 'Ein Proxy oder eine Anmeldeseite im Netz fängt die Verbindung ab.',
          en: 'A proxy or a login page in the network intercepts the connection.',
        },
      },
      {
        id: 'wrong-host',
        weight: 30,
        text: {
          de: 'Der Servername gehört zu einem anderen Dienst.',
          en: 'The server name belongs to another service.',
        },
      },
    ],
    actions: [
      {
        id: 'check-port',
        text: {
          de: 'Prüfen Sie Server und Port (Microsoft 365: outlook.office365.com, 993).',
          en: 'Check server and port (Microsoft 365: outlook.office365.com, 993).',
        },
      },
    ],
  },
  {
    code: 'GREETING_TIMEOUT',
    severity: 'error',
    title: { de: 'Server meldet sich nicht', en: 'Server does not greet' },
    meaning: {
      de: 'Die Verbindung steht, aber der Server hat seine IMAP-Begrüßung nicht (vollständig) geschickt.',
      en: 'The connection is up, but the server did not send its IMAP greeting (completely).',
    },
    causes: [
      {
        id: 'middlebox',
        weight: 60,
        text: {
          de: 'Ein Proxy oder eine Firewall nimmt die Verbindung an, leitet sie aber nicht weiter.',
          en: 'A proxy or firewall accepts the connection but does not pass it on.',
        },
      },
      {
        id: 'wrong-security-mode',
        weight: 50,
        text: {
          de: 'Sicherheit passt nicht zum Port (der Server wartet z. B. auf TLS).',
          en: 'Security does not match the port (the server may be waiting for TLS).',
        },
      },
      { id: 'overloaded', weight: 40, text: { de: 'Der Server ist überlastet.', en: 'The server is overloaded.' } },
    ],
    actions: [
      retryLater,
      { id: 'check-security', text: { de: 'Prüfen Sie Port und Sicherheit.', en: 'Check port and security.' } },
    ],
  },
  {
    code: 'SERVER_BYE',
    severity: 'error',
    title: { de: 'Server hat die Sitzung beendet', en: 'Server ended the session' },
    meaning: {
      de: 'Der Server hat die Verbindung mit einer Abschiedsmeldung geschlossen: „{response}“.',
      en: 'The server closed the connection with a goodbye message: "{response}".',
    },
    causes: [
      {
        id: 'refuses-client',
        weight: 60,
        text: {
          de: 'Der Server nimmt von dieser Adresse gerade keine Verbindungen an (zu viele Verbindungen, Sperre).',
          en: 'The server currently refuses connections from this address (too many connections, block).',
        },
      },
      {
        id: 'maintenance',
        weight: 40,
        text: { de: 'Wartung oder Neustart auf Serverseite.', en: 'Maintenance or a restart on the server side.' },
      },
    ],
    actions: [retryLater],
  },
  {
    code: 'SERVER_UNAVAILABLE',
    severity: 'error',
    title: { de: 'Server vorübergehend nicht verfügbar', en: 'Server temporarily unavailable' },
    meaning: {
      de: 'Der Server meldet, dass er die Anfrage gerade nicht bedienen kann: „{response}“.',
      en: 'The server reports it cannot serve the request right now: "{response}".',
    },
    causes: [
      {
        id: 'outage',
        weight: 100,
        text: { de: 'Störung oder Wartung beim Anbieter.', en: 'An outage or maintenance at the provider.' },
      },
      {
        id: 'mailbox-move',
        weight: 30,
        text: {
          de: 'Das Postfach wird gerade verschoben oder eingerichtet.',
          en: 'The mailbox is being moved or set up.',
        },
      },
    ],
    actions: [retryLater],
    variants: [
      {
        when: { products: ['exchange-online'] },
        actions: [
          retryLater,
          {
            id: 'service-health',
            text: {
              de: 'Prüfen Sie den Dienststatus im Microsoft 365 Admin Center (Integrität → Dienstintegrität).',
              en: 'Check the service status in the Microsoft 365 admin center (Health → Service health).',
            },
          },
        ],
      },
    ],
  },
  {
    code: 'CONNECTION_LOST',
    severity: 'error',
    title: { de: 'Verbindung unterbrochen', en: 'Connection lost' },
    meaning: {
      de: 'Die Verbindung wurde während „{stageName}“ unerwartet geschlossen.',
      en: 'The connection was closed unexpectedly during "{stageName}".',
    },
    causes: [
      {
        id: 'middlebox-cuts',
        weight: 60,
        text: {
          de: 'Eine Firewall oder ein Proxy trennt die Verbindung.',
          en: 'A firewall or proxy cuts the connection.',
        },
      },
      {
        id: 'server-side',
        weight: 40,
        text: {
          de: 'Der Server hat die Sitzung abgebrochen (Neustart, Fehler).',
          en: 'The server aborted the session (restart, error).',
        },
      },
      {
        id: 'unstable-network',
        weight: 30,
        text: { de: 'Die Netzverbindung ist instabil.', en: 'The network connection is unstable.' },
      },
    ],
    actions: [retryLater],
    variants: [
      {
        // A server that hangs up on a plaintext client before greeting usually waits for a TLS handshake.
        when: { stages: ['greeting'], starttls: true },
        causes: [
          {
            id: 'wrong-security-mode',
            weight: 100,
            text: {
              de: 'Dieser Port erwartet TLS von Anfang an (meist 993); STARTTLS gehört zu Port 143.',
              en: 'This port expects TLS from the start (usually 993); STARTTLS belongs to port 143.',
            },
          },
          {
            id: 'middlebox-cuts',
            weight: 40,
            text: {
              de: 'Eine Firewall oder ein Proxy trennt die Verbindung.',
              en: 'A firewall or proxy cuts the connection.',
            },
          },
        ],
        actions: [
          {
            id: 'check-security',
            text: {
              de: 'Wählen Sie für Port {port} die Sicherheit „TLS“.',
              en: 'Choose security "TLS" for port {port}.',
            },
          },
        ],
      },
    ],
  },
  {
    code: 'TIMEOUT',
    severity: 'error',
    title: { de: 'Zeitüberschreitung', en: 'Timed out' },
    meaning: {
      de: 'Während „{stageName}“ kam keine Antwort mehr; der Test wurde nach der eingestellten Zeit beendet.',
      en: 'No further answer came during "{stageName}"; the test ended after the configured time.',
    },
    causes: [
      {
        id: 'slow-server',
        weight: 50,
        text: {
          de: 'Der Server ist überlastet oder antwortet sehr langsam.',
          en: 'The server is overloaded or answers very slowly.',
        },
      },
      {
        id: 'packet-loss',
        weight: 50,
        text: { de: 'Im Netz gehen Pakete verloren.', en: 'Packets get lost in the network.' },
      },
      {
        id: 'middlebox',
        weight: 40,
        text: {
          de: 'Ein Gerät im Netz hält die Verbindung fest, ohne sie weiterzuleiten.',
          en: 'A device in the network holds the connection without passing it on.',
        },
      },
    ],
    actions: [
      retryLater,
      {
        id: 'longer-timeout',
        text: {
          de: 'Bei sehr langsamen Leitungen die Wartezeit erhöhen.',
          en: 'On very slow links, increase the time limit.',
        },
      },
    ],
  },
  {
    code: 'CANCELLED',
    severity: 'info',
    title: { de: 'Test abgebrochen', en: 'Test cancelled' },
    meaning: { de: 'Der Test wurde auf Wunsch abgebrochen.', en: 'The test was cancelled on request.' },
    causes: [],
    actions: [
      {
        id: 'restart',
        text: {
          de: 'Starten Sie den Test erneut, wenn Sie so weit sind.',
          en: 'Start the test again when you are ready.',
        },
      },
    ],
  },
];
