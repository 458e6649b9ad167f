/**
 * Words a reader sees are words: no enum values, English probe notes, ISO dates or "0.2" decimals in German output.
 * Scans what the setup report and the command line print (visible text only; attributes such as `datetime` may
 * carry machine values).
 */
import { buildSetupReport } from '@core/wizard/report/build-report';
import { formatReport } from '@main/cli/probe-format';
import { diagnose } from '@shared/diagnosis/diagnose';
import type { Language } from '@shared/text/resources';
import { report } from '@test/fixtures/probe-reports';
import { input } from '@test/unit/wizard/setup-report-input';
import { describe, expect, it } from 'vitest';

/** Tokens that leaked into screens and reports before; each is a code word, never a word for people. */
export const RAW_TOKENS: readonly RegExp[] = [
  /\btrusted\b/,
  /\buntrusted\b/,
  /hostname-mismatch/,
  /browser-harness/,
  /\[redacted\]/,
  /INBOX holds/,
  /\b\d+\.\d+ Std\./,
  /\b\d{4}-\d{2}-\d{2}\b/,
];

const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<head>[\s\S]*?<\/head>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');

const okReport = () => {
  const r = report('OK', 'mailbox', {
    product: 'dovecot',
    tls: {
      verdict: 'trusted',
      protocol: 'TLSv1.3',
      authorized: true,
      chain: [
        {
          subject: 'CN=imap.contoso.example',
          subjectAltNames: ['DNS:imap.contoso.example'],
          issuer: 'CN=Contoso CA',
          issuerName: 'Contoso CA',
          validFrom: '2026-01-01T00:00:00.000Z',
          validTo: '2027-01-01T00:00:00.000Z',
          serialNumber: '01',
          fingerprint256: 'AA:BB',
        },
      ],
    } as never,
    stages: [{ stage: 'mailbox', status: 'ok', ms: 12, details: { mailbox: 'INBOX', messages: 1234 } } as never],
  });
  return r;
};

describe.each(['de', 'en'] as Language[])('no raw tokens in what people read (%s)', (language) => {
  it('in the setup report', () => {
    for (const lastTest of [input().lastTest, { recordedAt: '2026-11-20T09:59:00.000Z', report: okReport() }]) {
      const text = visibleText(buildSetupReport(input({ language, lastTest })));
      for (const token of RAW_TOKENS) expect(text, String(token)).not.toMatch(token);
    }
  });

  it('in the command line’s report', () => {
    const r = okReport();
    const text = formatReport(r, diagnose(r, { language, now: new Date() }), language);
    for (const token of RAW_TOKENS) expect(text, String(token)).not.toMatch(token);
    expect(text).toContain(language === 'de' ? '1.234 Nachrichten' : '1,234 messages');
  });
});
