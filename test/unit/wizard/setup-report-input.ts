/** The setup report's test input: a profile with steps, a failed test with a transcript, and hostile values. */
import type { SetupReportInput } from '@core/wizard/report/build-report';

export const CANARY = 'CANARY-s3cr3t-7f1e9b';
export const b64 = (s: string) => Buffer.from(s).toString('base64');
export const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'single'`;

export function input(over: Partial<SetupReportInput> = {}): SetupReportInput {
  return {
    language: 'de',
    generatedAt: new Date('2026-11-20T10:00:00Z'),
    appName: 'Mailadapter Assistant',
    appVersion: '0.1.0',
    timeZone: 'Europe/Berlin',
    profile: {
      displayName: HOSTILE,
      tenantLabel: 'Contoso </dd><script>steal()</script>',
      mailboxUser: 'rechnung@contoso.de',
      host: 'outlook.office365.com',
      port: 993,
      security: 'tls',
      createdAt: '2026-11-19T09:00:00.000Z',
      updatedAt: '2026-11-20T09:30:00.000Z',
      // Fields a caller should never pass; the report must not print them even if it does.
      ...({ password: CANARY, appPassword: CANARY } as object),
    },
    secretSaved: true,
    progress: {
      steps: {
        securityDefaults: {
          status: 'done',
          confirmedAt: '2026-11-20T07:00:00.000Z',
          confirmations: ['2026-11-19T12:00:00.000Z', '2026-11-20T07:00:00.000Z'],
          note: `Note with ${HOSTILE}`,
          updatedAt: '2026-11-20T07:00:00.000Z',
        },
        perUserMfa: {
          status: 'attention',
          confirmedAt: '2026-11-20T07:30:00.000Z',
          confirmations: ['2026-11-20T07:30:00.000Z'],
          note: '',
          updatedAt: '2026-11-20T07:30:00.000Z',
        },
      },
    },
    lastTest: {
      recordedAt: '2026-11-20T09:59:00.000Z',
      report: {
        ok: false,
        code: 'AUTH_FAILED',
        stage: 'auth',
        checkedAt: '2026-11-20T09:58:58.000Z',
        durationMs: 412.6,
        credential: { kind: 'password', password: CANARY },
        stages: [
          { stage: 'tcp', status: 'ok', ms: 20 },
          { stage: 'auth', status: 'failed', ms: 130, note: 'Server said <NO> AUTHENTICATE failed.' },
        ],
        server: {
          product: 'exchange-online',
          greeting: '* OK The Microsoft Exchange IMAP4 service is ready. [<b>x</b>]',
          capabilities: [],
        },
        tls: {
          verdict: 'trusted',
          protocol: 'TLSv1.3',
          chain: [
            {
              subject: 'CN=outlook.com',
              subjectAltNames: ['DNS:outlook.office365.com'],
              issuerName: 'DigiCert',
              validTo: '2027-01-01',
              fingerprint256: 'AA:BB',
            },
          ],
        },
        transcript: [
          { t: 0, dir: 'server', line: '* OK The Microsoft Exchange IMAP4 service is ready.' },
          { t: 5, dir: 'client', line: 'A1 CAPABILITY' },
          { t: 9, dir: 'client', line: `A2 LOGIN rechnung@contoso.de ${CANARY}` },
          { t: 12, dir: 'client', line: `A3 AUTHENTICATE PLAIN ${b64(`\0rechnung@contoso.de\0${CANARY}`)}` },
          { t: 13, dir: 'client', line: 'A4 AUTHENTICATE PLAIN' },
          { t: 14, dir: 'client', line: b64(`\0rechnung@contoso.de\0${CANARY}`) },
          { t: 15, dir: 'client', line: `A5 XWEIRD ${CANARY}` },
          { t: 20, dir: 'server', line: 'A3 NO AUTHENTICATE failed.' },
          { t: 21, dir: 'note', line: 'connection closed' },
        ],
      },
    },
    retest: null,
    ...over,
  };
}
