import { recogniseProduct } from '@core/imap/server-product';
import { inspectChain } from '@core/imap/tls-inspection';
import type { CertificateInfo } from '@shared/probe/report';
import { describe, expect, it } from 'vitest';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('server product from the greeting', () => {
  it('tells Exchange Online by its back-end name or by the host', () => {
    const greeting = `OK The Microsoft Exchange IMAP4 service is ready. [${b64('FR2P281CA0012.DEUP281.PROD.OUTLOOK.COM')}]`;
    expect(recogniseProduct(greeting, 'mail.contoso.example')).toBe('exchange-online');
    expect(recogniseProduct('OK The Microsoft Exchange IMAP4 service is ready.', 'outlook.office365.com')).toBe(
      'exchange-online',
    );
  });

  it('leaves on-premises Exchange as exchange', () => {
    expect(
      recogniseProduct(
        `OK The Microsoft Exchange IMAP4 service is ready. [${b64('EXCH01.corp.contoso.local')}]`,
        'mail.contoso.example',
      ),
    ).toBe('exchange');
  });

  it('recognises Dovecot and falls back to other', () => {
    expect(recogniseProduct('OK [CAPABILITY IMAP4rev1] Dovecot (Debian) ready.', 'localhost')).toBe('dovecot');
    expect(recogniseProduct('OK Gimap ready for requests', 'imap.gmail.com')).toBe('other');
  });
});

const cert = (subject: string, issuer: string): CertificateInfo => ({
  subject,
  issuer,
  issuerName: /O=([^,]+)/.exec(issuer)?.[1] ?? /CN=([^,]+)/.exec(issuer)?.[1] ?? issuer,
  subjectAltNames: [],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  fingerprint256: subject,
  serialNumber: '01',
  selfSigned: subject === issuer,
});

describe('TLS inspection heuristic', () => {
  const microsoftChain = [
    cert('CN=outlook.office365.com, O=Microsoft Corporation', 'CN=DigiCert Cloud Services CA-1, O=DigiCert Inc'),
    cert('CN=DigiCert Cloud Services CA-1, O=DigiCert Inc', 'CN=DigiCert Global Root CA, O=DigiCert Inc'),
  ];

  it('accepts the public chain Microsoft serves', () => {
    expect(inspectChain('outlook.office365.com', microsoftChain)).toEqual({ suspected: false, issuer: 'DigiCert Inc' });
  });

  it('flags a Microsoft host whose chain comes from elsewhere and names the issuer', () => {
    const chain = [
      cert('CN=outlook.office365.com', 'CN=Contoso Gateway CA, O=Contoso IT'),
      cert('CN=Contoso Gateway CA, O=Contoso IT', 'CN=Contoso Gateway CA, O=Contoso IT'),
    ];
    expect(inspectChain('outlook.office365.com', chain)).toEqual({ suspected: true, issuer: 'Contoso IT' });
  });

  it('names known inspection products on any host', () => {
    const chain = [
      cert('CN=mail.example.test', 'CN=FortiGate CA, O=Fortinet'),
      cert('CN=FortiGate CA, O=Fortinet', 'CN=FortiGate CA, O=Fortinet'),
    ];
    expect(inspectChain('mail.example.test', chain)).toEqual({
      suspected: true,
      issuer: 'Fortinet',
      product: 'Fortinet',
    });
  });

  it('does not suspect an ordinary private CA on a non-Microsoft host', () => {
    const chain = [cert('CN=mail.example.test', 'CN=Example Root, O=Example')];
    expect(inspectChain('mail.example.test', chain)?.suspected).toBe(false);
  });
});
