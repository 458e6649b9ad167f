/** Diagnoses for the TLS stage: trust, names, validity, the handshake itself. */
import type { CauseEntry, DiagnosisEntry } from './types';

const inspectionCause = (weight: number): CauseEntry => ({
  id: 'tls-inspection',
  weight,
  text: {
    de: 'Ein Proxy oder eine Firewall im eigenen Netz bricht die Verschlüsselung auf und stellt eigene Zertifikate aus (TLS-Inspection). Aussteller hier: {issuer}.',
    en: 'A proxy or firewall in your network breaks the encryption open and issues its own certificates (TLS inspection). Issuer here: {issuer}.',
  },
});

const exemptAction = {
  id: 'exempt-from-inspection',
  text: {
    de: 'Lassen Sie {host} von der TLS-Inspection ausnehmen. Das ist der empfohlene Weg, denn sonst kann der Proxy Anmeldedaten und E-Mails im Klartext sehen.',
    en: 'Have {host} exempted from TLS inspection. This is the recommended way, because otherwise the proxy can see credentials and e-mails in clear text.',
  },
};

export const tlsEntries: DiagnosisEntry[] = [
  {
    code: 'TLS_UNTRUSTED',
    severity: 'error',
    title: { de: 'Zertifikat nicht vertrauenswürdig', en: 'Certificate not trusted' },
    meaning: {
      de: 'Der Server hat ein Zertifikat von „{issuer}“ vorgelegt, dem dieser Rechner nicht vertraut ({tlsError}). Aus Sicherheitsgründen wurden keine Anmeldedaten gesendet.',
      en: 'The server presented a certificate from "{issuer}", which this computer does not trust ({tlsError}). For safety no credentials were sent.',
    },
    causes: [
      inspectionCause(60),
      {
        id: 'self-signed',
        weight: 50,
        text: {
          de: 'Der eigene Mailserver nutzt ein selbst ausgestelltes Zertifikat oder eines aus einer internen Zertifizierungsstelle.',
          en: 'Your own mail server uses a self-signed certificate or one from an internal certificate authority.',
        },
      },
      {
        id: 'missing-intermediate',
        weight: 25,
        text: {
          de: 'Der Server liefert die Zwischenzertifikate nicht mit.',
          en: 'The server does not send its intermediate certificates.',
        },
      },
    ],
    actions: [
      exemptAction,
      {
        id: 'trust-internal-ca',
        text: {
          de: 'Bei einer internen Zertifizierungsstelle: Deren Stammzertifikat dem agorum-Server und diesem Test bekannt machen (Kommandozeile: --ca DATEI).',
          en: 'With an internal certificate authority: make its root certificate known to the agorum server and to this test (command line: --ca FILE).',
        },
      },
    ],
    variants: [
      {
        when: { inspection: true },
        title: {
          de: 'Verbindung wird im eigenen Netz aufgebrochen (TLS-Inspection)',
          en: 'Connection is intercepted in your network (TLS inspection)',
        },
        meaning: {
          de: 'Das Zertifikat für {host} stammt von „{issuer}“ – nicht von einer öffentlichen Zertifizierungsstelle, wie sie dieser Dienst verwendet. Sehr wahrscheinlich entschlüsselt ein Proxy oder eine Firewall{product} den Verkehr. Es wurden keine Anmeldedaten gesendet.',
          en: 'The certificate for {host} comes from "{issuer}" — not from a public certificate authority this service uses. Most likely a proxy or firewall{product} decrypts the traffic. No credentials were sent.',
        },
        causes: [
          inspectionCause(100),
          {
            id: 'dns-redirect',
            weight: 20,
            text: {
              de: 'Der Name {host} zeigt im internen DNS auf einen anderen Rechner.',
              en: 'The name {host} points to another machine in your internal DNS.',
            },
          },
        ],
        actions: [
          exemptAction,
          {
            id: 'not-recommended-trust',
            text: {
              de: 'Alternativ das Stammzertifikat des Proxys als vertrauenswürdig hinterlegen – nur wenn die Sicherheitsrichtlinie das ausdrücklich so vorsieht.',
              en: "Alternatively register the proxy's root certificate as trusted — only if your security policy explicitly intends that.",
            },
          },
        ],
      },
    ],
  },
  {
    code: 'TLS_HOSTNAME_MISMATCH',
    severity: 'error',
    title: { de: 'Zertifikat gehört zu einem anderen Namen', en: 'Certificate is for another name' },
    meaning: {
      de: 'Das Zertifikat des Servers gilt nicht für {host}, sondern für: {certNames}. Es wurden keine Anmeldedaten gesendet.',
      en: 'The server certificate is not valid for {host} but for: {certNames}. No credentials were sent.',
    },
    causes: [
      {
        id: 'wrong-name',
        weight: 100,
        text: {
          de: 'Es wurde eine IP-Adresse oder ein Aliasname statt des offiziellen Servernamens eingetragen.',
          en: 'An IP address or an alias was entered instead of the official server name.',
        },
      },
      {
        id: 'server-cert-misconfigured',
        weight: 40,
        text: {
          de: 'Auf dem eigenen Mailserver ist das falsche Zertifikat eingerichtet.',
          en: 'The wrong certificate is installed on your own mail server.',
        },
      },
      inspectionCause(20),
    ],
    actions: [
      {
        id: 'use-cert-name',
        text: {
          de: 'Tragen Sie einen der Namen aus dem Zertifikat als Server ein (für Microsoft 365: outlook.office365.com).',
          en: 'Enter one of the names from the certificate as server (for Microsoft 365: outlook.office365.com).',
        },
      },
    ],
  },
  {
    code: 'TLS_EXPIRED',
    severity: 'error',
    title: { de: 'Zertifikat abgelaufen oder noch nicht gültig', en: 'Certificate expired or not yet valid' },
    meaning: {
      de: 'Das Zertifikat des Servers ist nur von {validFrom} bis {validTo} gültig. Es wurden keine Anmeldedaten gesendet.',
      en: 'The server certificate is only valid from {validFrom} to {validTo}. No credentials were sent.',
    },
    causes: [
      {
        id: 'expired',
        weight: 100,
        text: {
          de: 'Das Zertifikat des Mailservers wurde nicht rechtzeitig erneuert.',
          en: "The mail server's certificate was not renewed in time.",
        },
      },
      {
        id: 'clock',
        weight: 40,
        text: { de: 'Die Uhr dieses Rechners geht falsch.', en: "This computer's clock is wrong." },
      },
      inspectionCause(20),
    ],
    actions: [
      {
        id: 'renew',
        text: {
          de: 'Beim eigenen Server: Zertifikat erneuern lassen.',
          en: 'With your own server: have the certificate renewed.',
        },
      },
      {
        id: 'check-clock',
        text: { de: 'Datum und Uhrzeit dieses Rechners prüfen.', en: "Check this computer's date and time." },
      },
    ],
  },
  {
    code: 'TLS_HANDSHAKE_FAILED',
    severity: 'error',
    title: { de: 'Verschlüsselung kam nicht zustande', en: 'Encryption could not be set up' },
    meaning: {
      de: 'Client und Server konnten sich nicht auf eine verschlüsselte Verbindung einigen ({tlsError}). Es wurden keine Anmeldedaten gesendet.',
      en: 'Client and server could not agree on an encrypted connection ({tlsError}). No credentials were sent.',
    },
    causes: [
      {
        id: 'wrong-security-mode',
        weight: 100,
        text: {
          de: 'Sicherheit passt nicht zum Port: 993 erwartet TLS von Anfang an, 143 erwartet STARTTLS.',
          en: 'Security does not match the port: 993 expects TLS from the start, 143 expects STARTTLS.',
        },
      },
      {
        id: 'old-tls',
        weight: 40,
        text: {
          de: 'Der Server beherrscht nur veraltete TLS-Versionen (1.0/1.1), die nicht mehr zugelassen sind.',
          en: 'The server only speaks outdated TLS versions (1.0/1.1) that are no longer allowed.',
        },
      },
      {
        id: 'middlebox',
        weight: 30,
        text: {
          de: 'Ein Gerät im Netz stört den Verbindungsaufbau.',
          en: 'A device in the network interferes with the handshake.',
        },
      },
    ],
    actions: [
      {
        id: 'check-security',
        text: {
          de: 'Prüfen Sie die Kombination aus Port und Sicherheit (993/TLS oder 143/STARTTLS).',
          en: 'Check the combination of port and security (993/TLS or 143/STARTTLS).',
        },
      },
    ],
    variants: [
      {
        when: { starttls: true },
        causes: [
          {
            id: 'no-starttls',
            weight: 100,
            text: {
              de: 'Der Server bietet auf diesem Port kein STARTTLS an oder lehnt es ab. Unverschlüsselt wird nicht angemeldet.',
              en: 'The server does not offer STARTTLS on this port or refuses it. There is no unencrypted login.',
            },
          },
          {
            id: 'wrong-security-mode',
            weight: 60,
            text: {
              de: 'Auf diesem Port wird TLS von Anfang an erwartet (meist 993).',
              en: 'This port expects TLS from the start (usually 993).',
            },
          },
        ],
      },
    ],
  },
];
