import { exchangeBackendName, recogniseProduct } from '@core/imap/server-product';
import { inspectChain } from '@core/imap/tls-inspection';
import type { CertificateInfo } from '@shared/probe/report';
import { describe, expect, it } from 'vitest';

/**
 * Greetings as real servers sent them, copied from public client logs (the text after "* "). Exchange appends the
 * back-end server's name as base64 of UTF-16LE.
 */
const EXCHANGE_ONLINE_GREETINGS: Array<[source: string, greeting: string, backend: string]> = [
  [
    // github.com/simonrob/email-oauth2-proxy/issues/183 (2023)
    'email-oauth2-proxy #183',
    'OK The Microsoft Exchange IMAP4 service is ready. [WgBSADAAUAAyADcAOABDAEEAMAAxADAAMQAuAEMASABFAFAAMgA3ADgALgBQAFIATwBEAC4ATwBVAFQATABPAE8ASwAuAEMATwBNAA==]',
    'ZR0P278CA0101.CHEP278.PROD.OUTLOOK.COM',
  ],
  [
    // github.com/nextcloud/mail/issues/7132 (2022)
    'nextcloud/mail #7132',
    'OK The Microsoft Exchange IMAP4 service is ready. [QgBZAEEAUABSADAANgBDAEEAMAAwADEAMAAuAG4AYQBtAHAAcgBkADAANgAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]',
    'BYAPR06CA0010.namprd06.prod.outlook.com',
  ],
  [
    // github.com/imapsync/imapsync/issues/317 (2022)
    'imapsync #317',
    'OK The Microsoft Exchange IMAP4 service is ready. [TABPADQAUAAxADIAMwBDAEEAMAAyADMAMwAuAEcAQgBSAFAAMQAyADMALgBQAFIATwBEAC4ATwBVAFQATABPAE8ASwAuAEMATwBNAA==]',
    'LO4P123CA0233.GBRP123.PROD.OUTLOOK.COM',
  ],
  [
    // github.com/jstedfast/MailKit/issues/711 (2018): Exchange Online operated by 21Vianet
    'MailKit #711',
    'OK The Microsoft Exchange IMAP4 service is ready. [UwBIADIAUABSADAAMQBDAEEAMAAzADkALgBDAEgATgBQAFIAMAAxAC4AcAByAG8AZAAuAHAAYQByAHQAbgBlAHIALgBvAHUAdABsAG8AbwBrAC4AYwBuAA==]',
    'SH2PR01CA039.CHNPR01.prod.partner.outlook.cn',
  ],
];

describe('server product from the greeting', () => {
  it.each(EXCHANGE_ONLINE_GREETINGS)('tells Exchange Online by its back-end name (%s)', (_source, greeting, name) => {
    expect(exchangeBackendName(greeting)).toBe(name);
    // The host says nothing here: a local bridge, a CNAME of the company or a test server on 127.0.0.1.
    expect(recogniseProduct(greeting, '127.0.0.1')).toBe('exchange-online');
    expect(recogniseProduct(greeting, 'imap.contoso.example')).toBe('exchange-online');
  });

  it('falls back to the host when the greeting names no back end', () => {
    expect(recogniseProduct('OK The Microsoft Exchange IMAP4 service is ready.', 'outlook.office365.com')).toBe(
      'exchange-online',
    );
    expect(recogniseProduct('OK The Microsoft Exchange IMAP4 service is ready. []', 'outlook.office365.com')).toBe(
      'exchange-online',
    );
  });

  it('keeps on-premises Exchange recognisable', () => {
    // github.com/owncloud-archive/mail/issues/1340 (2016): Exchange 2013 in a company network, no back-end name.
    expect(recogniseProduct('OK The Microsoft Exchange IMAP4 service is ready.', '10.10.20.24')).toBe('exchange');
    // github.com/jstedfast/MailKit/issues/1512 (2023): Exchange 2003, localized text as the log shows it.
    expect(
      recogniseProduct(
        'OK Microsoft Exchange Server 2003 IMAP4rev1 ???????汾 6.5.7638.1 (*.*.com) ???????',
        '10.1.2.3',
      ),
    ).toBe('exchange');
    // No public log shows an on-premises back-end name; this one is encoded the way Exchange encodes its own.
    const onPremises = Buffer.from('EXCH01.corp.contoso.local', 'utf16le').toString('base64');
    const greeting = `OK The Microsoft Exchange IMAP4 service is ready. [${onPremises}]`;
    expect(exchangeBackendName(greeting)).toBe('EXCH01.corp.contoso.local');
    expect(recogniseProduct(greeting, 'mail.contoso.example')).toBe('exchange');
  });

  it('does not read a name out of bytes that are not UTF-16LE text', () => {
    // The old fixtures' UTF-8 form decodes to CJK noise as UTF-16LE; Exchange never sends it.
    const utf8 = Buffer.from('AM0PR10CA0001.EURPRD10.PROD.OUTLOOK.COM').toString('base64');
    expect(exchangeBackendName(`OK The Microsoft Exchange IMAP4 service is ready. [${utf8}]`)).toBeUndefined();
    expect(exchangeBackendName('OK The Microsoft Exchange IMAP4 service is ready. [xxxxxxxx]')).toBeUndefined();
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
