/** Diagnoses for the stages before any encryption: input, name resolution, TCP. */
import type { DiagnosisEntry } from './types';

/** Shared with the other connection-level entries (entries-reset.ts). */
export const checkFromServer = {
  id: 'test-from-agorum-host',
  text: {
    de: 'Prüfen Sie die Verbindung auf dem Rechner, auf dem agorum core läuft, z. B. mit „Test-NetConnection {host} -Port {port}“ (Windows) oder „nc -vz {host} {port}“ (Linux). Der Microsoft Remote Connectivity Analyzer hilft hier nicht: Er testet aus Microsofts Rechenzentrum, nicht aus Ihrem Netz.',
    en: 'Check the connection on the machine that runs agorum core, e.g. with "Test-NetConnection {host} -Port {port}" (Windows) or "nc -vz {host} {port}" (Linux). Microsoft\'s Remote Connectivity Analyzer does not help here: it tests from Microsoft\'s data centre, not from your network.',
  },
};

export const connectionEntries: DiagnosisEntry[] = [
  {
    code: 'INPUT_INVALID',
    severity: 'warning',
    title: { de: 'Eingaben unvollständig oder ungültig', en: 'Input incomplete or invalid' },
    meaning: {
      de: 'Der Test wurde nicht gestartet, weil folgende Angaben nicht stimmen: {fields}. Es wurde keine Verbindung aufgebaut und nichts gesendet.',
      en: 'The test did not start because these entries are not right: {fields}. No connection was made and nothing was sent.',
    },
    causes: [
      {
        id: 'typo',
        weight: 80,
        text: { de: 'Ein Feld ist leer oder enthält einen Tippfehler.', en: 'A field is empty or contains a typo.' },
      },
      {
        id: 'pasted-extra',
        weight: 50,
        text: {
          de: 'Beim Einfügen wurde mehr übernommen als gemeint, etwa eine ganze Adresse mit https:// oder ein Zeilenumbruch.',
          en: 'Pasting brought along more than intended, such as a whole address with https:// or a line break.',
        },
      },
    ],
    actions: [
      {
        id: 'fix-fields',
        text: {
          de: 'Korrigieren Sie die markierten Felder und starten Sie den Test erneut.',
          en: 'Correct the marked fields and run the test again.',
        },
      },
    ],
  },
  {
    code: 'DNS_NOT_FOUND',
    severity: 'error',
    title: { de: 'Servername unbekannt', en: 'Server name not found' },
    meaning: {
      de: 'Den Namen {host} gibt es im DNS nicht, oder er hat keine Adresse. Ohne Adresse kann keine Verbindung aufgebaut werden.',
      en: 'The name {host} does not exist in DNS, or it has no address. Without an address no connection can be made.',
    },
    causes: [
      {
        id: 'typo',
        weight: 100,
        text: { de: 'Der Servername ist falsch geschrieben.', en: 'The server name is misspelled.' },
      },
      {
        id: 'mail-domain-instead-of-server',
        weight: 60,
        text: {
          de: 'Statt des IMAP-Servers wurde die E-Mail-Domain eingetragen. Für Microsoft 365 lautet der Server immer outlook.office365.com.',
          en: 'The e-mail domain was entered instead of the IMAP server. For Microsoft 365 the server is always outlook.office365.com.',
        },
      },
      {
        id: 'internal-dns',
        weight: 30,
        text: {
          de: 'Der DNS-Server im Firmennetz löst externe Namen nicht auf (nur interne Zonen oder nur über einen Proxy).',
          en: 'The company DNS server does not resolve external names (internal zones only, or only through a proxy).',
        },
      },
    ],
    actions: [
      {
        id: 'check-spelling',
        text: { de: 'Prüfen Sie die Schreibweise von {host}.', en: 'Check the spelling of {host}.' },
      },
      {
        id: 'use-office365',
        text: {
          de: 'Für Postfächer in Microsoft 365 tragen Sie outlook.office365.com mit Port 993 ein.',
          en: 'For mailboxes in Microsoft 365 enter outlook.office365.com with port 993.',
        },
      },
      {
        id: 'nslookup',
        text: {
          de: 'Prüfen Sie auf dem agorum-Server mit „nslookup {host}“, ob der Name dort auflösbar ist.',
          en: 'On the agorum server, check with "nslookup {host}" whether the name resolves there.',
        },
      },
    ],
  },
  {
    code: 'DNS_FAILED',
    severity: 'error',
    title: { de: 'Namensauflösung gestört', en: 'Name resolution failed' },
    meaning: {
      de: 'Der DNS-Server hat für {host} keine verwertbare Antwort gegeben ({dnsError}). Ob der Name existiert, ist damit unklar.',
      en: 'The DNS server gave no usable answer for {host} ({dnsError}). Whether the name exists is therefore unknown.',
    },
    causes: [
      {
        id: 'dns-unreachable',
        weight: 80,
        text: {
          de: 'Der eingestellte DNS-Server ist nicht erreichbar, oder der Rechner hat keine Netzverbindung.',
          en: 'The configured DNS server cannot be reached, or the computer has no network connection.',
        },
      },
      {
        id: 'dns-error',
        weight: 50,
        text: {
          de: 'Der DNS-Server hat einen Fehler gemeldet (z. B. SERVFAIL).',
          en: 'The DNS server reported an error (e.g. SERVFAIL).',
        },
      },
      {
        id: 'dns-blocked',
        weight: 30,
        text: {
          de: 'Im Netz sind nur Web-Zugriffe über einen Proxy erlaubt; direkte Namensauflösung ist gesperrt.',
          en: 'The network allows web access through a proxy only; direct name resolution is blocked.',
        },
      },
    ],
    actions: [
      {
        id: 'retry',
        text: { de: 'Wiederholen Sie den Test in einigen Minuten.', en: 'Repeat the test in a few minutes.' },
      },
      {
        id: 'ask-network',
        text: {
          de: 'Bitten Sie die Netzwerkadministration, die DNS-Einstellungen des agorum-Servers zu prüfen.',
          en: 'Ask your network team to check the DNS settings of the agorum server.',
        },
      },
    ],
  },
  {
    code: 'TCP_REFUSED',
    severity: 'error',
    title: { de: 'Verbindung abgewiesen', en: 'Connection refused' },
    meaning: {
      de: 'Unter {host} antwortet ein Rechner, aber auf Port {port} nimmt niemand die Verbindung an – oder eine Firewall weist sie aktiv zurück.',
      en: 'A machine answers at {host}, but nothing accepts connections on port {port} — or a firewall actively rejects them.',
    },
    causes: [
      {
        id: 'wrong-port',
        weight: 80,
        text: {
          de: 'Falscher Port: IMAP mit TLS nutzt 993, STARTTLS nutzt 143.',
          en: 'Wrong port: IMAP over TLS uses 993, STARTTLS uses 143.',
        },
      },
      {
        id: 'firewall-reject',
        weight: 60,
        text: {
          de: 'Eine Firewall lehnt ausgehende Verbindungen auf Port {port} ab.',
          en: 'A firewall rejects outgoing connections on port {port}.',
        },
      },
      {
        id: 'service-down',
        weight: 30,
        text: {
          de: 'Beim eigenen Mailserver: Der IMAP-Dienst läuft nicht oder lauscht auf einem anderen Port.',
          en: 'With your own mail server: the IMAP service is not running or listens on another port.',
        },
      },
    ],
    actions: [
      {
        id: 'check-port',
        text: {
          de: 'Prüfen Sie Port und Sicherheit (993 + TLS oder 143 + STARTTLS).',
          en: 'Check port and security (993 + TLS or 143 + STARTTLS).',
        },
      },
      {
        id: 'open-firewall',
        text: {
          de: 'Lassen Sie ausgehendes TCP zu {host}:{port} in der Firewall freigeben.',
          en: 'Have outgoing TCP to {host}:{port} allowed in the firewall.',
        },
      },
      checkFromServer,
    ],
    variants: [
      {
        when: { products: ['exchange-online'] },
        causes: [
          {
            id: 'firewall-reject',
            weight: 100,
            text: {
              de: 'Eine Firewall oder ein Proxy im eigenen Netz lehnt Verbindungen zu Microsoft auf Port {port} ab. Exchange Online selbst nimmt auf 993 immer an.',
              en: 'A firewall or proxy in your network rejects connections to Microsoft on port {port}. Exchange Online itself always accepts on 993.',
            },
          },
          {
            id: 'wrong-port',
            weight: 60,
            text: {
              de: 'Falscher Port: Für Exchange Online ist 993 mit TLS richtig.',
              en: 'Wrong port: for Exchange Online, 993 with TLS is right.',
            },
          },
        ],
      },
    ],
  },
  {
    code: 'TCP_TIMEOUT',
    severity: 'error',
    title: { de: 'Keine Antwort auf den Verbindungsaufbau', en: 'No answer to the connection attempt' },
    meaning: {
      de: 'Die Verbindungsanfragen an {host}:{port} blieben unbeantwortet. So sieht es aus, wenn eine Firewall ausgehenden Verkehr stillschweigend verwirft.',
      en: 'The connection requests to {host}:{port} went unanswered. This is what it looks like when a firewall silently drops outgoing traffic.',
    },
    causes: [
      {
        id: 'firewall-drop',
        weight: 100,
        text: {
          de: 'Die Firewall blockiert ausgehende Verbindungen auf Port {port} (häufig: nur Web-Ports 80/443 sind offen).',
          en: 'The firewall blocks outgoing connections on port {port} (often only web ports 80/443 are open).',
        },
      },
      {
        id: 'proxy-only',
        weight: 50,
        text: {
          de: 'Ins Internet geht es nur über einen Web-Proxy; IMAP kann einen solchen Proxy nicht nutzen.',
          en: 'Internet access only works through a web proxy, which IMAP cannot use.',
        },
      },
      {
        id: 'host-down',
        weight: 25,
        text: {
          de: 'Der Server ist ausgefallen oder die Adresse ist veraltet.',
          en: 'The server is down or the address is outdated.',
        },
      },
    ],
    actions: [
      {
        id: 'open-firewall',
        text: {
          de: 'Lassen Sie ausgehendes TCP vom agorum-Server zu {host}:{port} freigeben.',
          en: 'Have outgoing TCP from the agorum server to {host}:{port} allowed.',
        },
      },
      checkFromServer,
    ],
  },
  {
    code: 'TCP_UNREACHABLE',
    severity: 'error',
    title: { de: 'Server nicht erreichbar', en: 'Server unreachable' },
    meaning: {
      de: 'Zu {host} gibt es von diesem Rechner aus keinen Netzweg (keine Route, Netz nicht erreichbar).',
      en: 'There is no network path from this computer to {host} (no route, network unreachable).',
    },
    causes: [
      {
        id: 'no-route',
        weight: 80,
        text: {
          de: 'Der Rechner hat keinen Internetzugang oder kein Standard-Gateway.',
          en: 'The computer has no internet access or no default gateway.',
        },
      },
      {
        id: 'ipv6-only-route',
        weight: 40,
        text: {
          de: 'Der Name liefert IPv6-Adressen, im Netz funktioniert aber nur IPv4 (oder umgekehrt).',
          en: 'The name returns IPv6 addresses but the network only works with IPv4 (or the other way round).',
        },
      },
      {
        id: 'local-firewall',
        weight: 30,
        text: {
          de: 'Eine lokale Firewall-Regel verbietet den Zugriff.',
          en: 'A local firewall rule forbids the access.',
        },
      },
    ],
    actions: [
      {
        id: 'check-network',
        text: {
          de: 'Prüfen Sie Netzwerkverbindung, Gateway und VPN des agorum-Servers.',
          en: 'Check the network connection, gateway and VPN of the agorum server.',
        },
      },
      checkFromServer,
    ],
  },
];
