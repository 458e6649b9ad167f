import { createHash } from 'node:crypto';

import { buildSetupReport } from '@core/wizard/report/build-report';
import { escapeHtml } from '@core/wizard/report/html';
import { redactClientLine } from '@core/wizard/report/redact';
import { checkReportPath, reportFileName } from '@core/wizard/report/save-report';
import { toTestReportView } from '@core/wizard/report/test-report-view';
import { translator } from '@shared/text/translator';
import { describe, expect, it } from 'vitest';

// Labels and words the report shares with the wizard come from the one catalogue.
const DE = translator('de');
const status = { done: DE.t('wizard:status.done'), open: DE.t('wizard:status.open') };

import { b64, CANARY, input } from './setup-report-input';

describe('setup report', () => {
  const html = buildSetupReport(input());

  it('escapes every hostile value: no script element, no event handler attribute survives', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // No element carries an event handler or a resource reference; hostile text only appears escaped.
    expect(html).not.toMatch(/<[a-z][^>]*\s(on\w+|src|href)=/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Contoso &lt;/dd&gt;&lt;script&gt;steal()&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(escapeHtml(`<a href='x'>&`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;');
  });

  it('never contains the canary secret, in clear text or base64', () => {
    expect(html).not.toContain(CANARY);
    expect(html).not.toContain(b64(`\0rechnung@contoso.de\0${CANARY}`));
    expect(html).not.toContain(b64(CANARY).slice(0, 12));
  });

  it('is self-contained with a strict CSP that admits exactly its one stylesheet', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(html).not.toMatch(/style="/);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('shows the profile without secrets and the app password only as "saved"', () => {
    expect(html).toContain('<dt>E-Mail-Host</dt><dd>outlook.office365.com</dd>');
    expect(html).toContain('<dt>Port</dt><dd>993</dd>');
    expect(html).toContain('im Schlüsselbund gespeichert');
  });

  it('lists all steps in wizard order with status and confirmation times (local time zone), earlier ones too', () => {
    const titles = [...html.matchAll(/<tr><td>(\d)<\/td><td>([^<]+)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(titles).toEqual([
      '1 Start',
      '2 Verbindung anlegen',
      '3 Netzwerk prüfen',
      '4 Sicherheitsstandards ausschalten',
      '5 MFA pro Benutzer erzwingen',
      '6 App-Kennwort erstellen',
      '7 Verbindung testen',
      '8 In agorum core eintragen',
      '9 Weitere App-Kennwörter',
    ]);
    expect(html).toContain(
      `<td class="status-done">${status.done}</td><td><time datetime="2026-11-20T07:00:00.000Z">20.11.2026, 08:00</time>`,
    );
    expect(html).toContain('(vor 3 Stunden)');
    expect(html).not.toMatch(/\d\.\d Std\./);
    expect(html).toContain('<time datetime="2026-11-19T12:00:00.000Z">19.11.2026, 13:00</time>');
    expect(html).toContain(`<td class="status-attention">${DE.t('wizard:status.attention')}</td>`);
    expect(html).toContain(`<td class="status-open">${status.open}</td>`);
  });

  it('includes the last test with stages, certificate and a masked transcript', () => {
    expect(html).toContain('<dt>Code</dt><dd>AUTH_FAILED</dd>');
    expect(html).toContain('413 ms');
    expect(html).toContain('DigiCert');
    expect(html).toContain('A1 CAPABILITY');
    expect(html).toContain('A2 LOGIN ****');
    expect(html).toContain('A3 AUTHENTICATE PLAIN ****');
    expect(html).toContain('A4 AUTHENTICATE PLAIN</span>');
    expect(html).toContain('A3 NO AUTHENTICATE failed.');
    expect(html).not.toContain('XWEIRD');
  });

  it('explains a failed test with the diagnosis card the wizard shows (localized stage names)', () => {
    expect(html).toMatch(/<h3>Diagnose: [^<]+<\/h3><p>[^<]+<\/p><h4>Mögliche Ursachen<\/h4><ol><li>/);
    expect(html).toContain('<dt>Entscheidende Stufe</dt><dd>Anmeldung</dd>');
    expect(html).toContain('<td>Anmeldung</td><td>fehlgeschlagen</td>');
    // A report too damaged for the diagnosis still exports, just without that part.
    const damaged = buildSetupReport(input({ lastTest: { report: { ok: false, code: 'AUTH_FAILED', stages: 'x' } } }));
    expect(damaged).toContain('<dt>Code</dt><dd>AUTH_FAILED</dd>');
    expect(damaged).not.toContain('Diagnose:');
  });

  it('is written in English on request, and says when no test exists yet', () => {
    const en = buildSetupReport(input({ language: 'en', lastTest: null, secretSaved: false }));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Setup report: ');
    expect(en).toContain('No connection test has been saved yet.');
    expect(en).toContain('not saved');
    expect(en).toContain('Turn off security defaults');
  });

  it('is deterministic for the same input', () => {
    expect(buildSetupReport(input())).toBe(html);
  });

  it('prints what is readable of a damaged stored report and never throws on junk', () => {
    expect(toTestReportView({ report: 'not an object' })).toBeUndefined();
    expect(toTestReportView(null)).toBeUndefined();
    const view = toTestReportView({
      report: {
        ok: 'yes',
        code: 42,
        stages: [{ stage: 'dns' }, 'junk', { stage: 'tcp', status: 'ok', ms: 3 }],
        transcript: 'x',
      },
    });
    expect(view).toMatchObject({
      ok: false,
      code: 'UNKNOWN',
      stages: [{ stage: 'tcp', status: 'ok', ms: 3 }],
      transcript: [],
    });
    expect(() => buildSetupReport(input({ lastTest: { report: { tls: 5, server: [] } } }))).not.toThrow();
  });

  it('shows an automatic retest when there is one', () => {
    const withRetest = buildSetupReport(
      input({
        retest: {
          profileId: 'p1',
          status: 'gave-up',
          startedAt: '2026-11-19T08:00:00.000Z',
          deadlineAt: '2026-11-20T08:00:00.000Z',
          nextAttemptAt: null,
          cappedByHourlyLimit: false,
          attempts: [{ at: '2026-11-19T08:15:00.000Z', code: 'AUTH_FAILED', ok: false, source: 'auto' }],
          finishedAt: '2026-11-20T07:45:00.000Z',
          stopReason: 'deadline',
        },
      }),
    );
    expect(withRetest).toContain('Automatische Wiederholung');
    expect(withRetest).toContain('aufgegeben');
    expect(withRetest).toContain('19.11.2026, 09:15</time> AUTH_FAILED');
  });
});

describe('transcript masking', () => {
  it.each([
    ['A1 LOGIN user pass', 'A1 LOGIN ****'],
    ['A1 login "user" {5}', 'A1 LOGIN ****'],
    ['A1 AUTHENTICATE XOAUTH2 dXNlcj1hQGIuYwFhdXRoPUJlYXJlciB0b2tlbgEB', 'A1 AUTHENTICATE XOAUTH2 ****'],
    ['A1 AUTHENTICATE <junk> x', 'A1 AUTHENTICATE ****'],
    ['A2 STATUS INBOX (MESSAGES)', 'A2 STATUS INBOX (MESSAGES)'],
    ['A3 ID ("name" "Mailadapter Assistant")', 'A3 ID ("name" "Mailadapter Assistant")'],
    ['dXNlcm5hbWU=', '****'],
    ['', '****'],
    ['<tag> LOGOUT', '****'],
  ])('%s → %s', (line, masked) => expect(redactClientLine(line)).toBe(masked));
});

describe('report file', () => {
  it('gets a safe, dated default name from any profile name', () => {
    expect(reportFileName('Rechnungen Ä/../..\\x', new Date('2026-11-20T10:00:00Z'), 'de')).toBe(
      'Einrichtungsbericht-Rechnungen-A-.-.-x-2026-11-20.html',
    );
    expect(reportFileName('<script>', new Date('2026-11-20T10:00:00Z'), 'en')).toBe(
      'setup-report-script-2026-11-20.html',
    );
    expect(reportFileName('###', new Date('2026-11-20T10:00:00Z'), 'en')).toBe('setup-report-profile-2026-11-20.html');
    expect(reportFileName('x'.repeat(300), new Date('2026-11-20T10:00:00Z'), 'en').length).toBeLessThan(100);
  });

  it('accepts only absolute .html paths', () => {
    expect(checkReportPath('/tmp/report.html')).toBe('/tmp/report.html');
    expect(checkReportPath('/tmp/a/../report.HTM')).toBe('/tmp/report.HTM');
    for (const bad of ['report.html', '../x.html', '/tmp/report.exe', '/tmp/report.html\0.txt', '/tmp/report']) {
      expect(() => checkReportPath(bad), bad).toThrow(
        expect.objectContaining({ code: 'EXPORT_PATH_INVALID' }) as unknown as Error,
      );
    }
  });
});
