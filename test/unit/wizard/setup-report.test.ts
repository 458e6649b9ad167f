import { createHash } from 'node:crypto';

import { buildSetupReport, type SetupReportInput } from '@core/wizard/report/build-report';
import { escapeHtml } from '@core/wizard/report/html';
import { redactClientLine } from '@core/wizard/report/redact';
import { checkReportPath, reportFileName } from '@core/wizard/report/save-report';
import { toTestReportView } from '@core/wizard/report/test-report-view';
import { reportOAuthOf } from '@core/wizard/wizard-data';
import { HANDOVER_LABELS, HANDOVER_NOTE, handoverValues } from '@shared/oauth/handover';
import type { OAuthState } from '@shared/oauth/state';
import { describe, expect, it } from 'vitest';

const CANARY = 'CANARY-s3cr3t-7f1e9b';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'single'`;

function input(over: Partial<SetupReportInput> = {}): SetupReportInput {
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
      '<td class="status-done">erledigt</td><td><time datetime="2026-11-20T07:00:00.000Z">20.11.2026, 08:00</time>',
    );
    expect(html).toContain('(vor 3.0 Std.)');
    expect(html).toContain('<time datetime="2026-11-19T12:00:00.000Z">19.11.2026, 13:00</time>');
    expect(html).toContain('<td class="status-attention">prüfen</td>');
    expect(html).toContain('<td class="status-open">offen</td>');
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

describe('setup report on the modern-auth track', () => {
  const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.CANARY-access-token.sig';
  const REFRESH = 'CANARY-refresh-token-0.AXoA';
  const TENANT = '72f988bf-0000-4000-8000-00000000c0de';
  const CLIENT = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
  // main's state as the OAuth service returns it, plus token fields a careless change might add one day.
  const state = {
    profileId: 'p1',
    track: 'modern-auth',
    recommendedTrack: 'modern-auth',
    registration: { tenant: TENANT, clientId: CLIENT, mode: 'system-browser' },
    embeddedAvailable: false,
    signedIn: true,
    account: { username: 'rechnung@contoso.de', signedInAt: '2026-11-20T09:40:00.000Z', accessToken: TOKEN },
    storage: 'keychain',
    accessTokenExpiresAt: '2026-11-20T10:40:00.000Z',
    signInInProgress: false,
    handover: [
      ...handoverValues({
        registration: { tenant: TENANT, clientId: CLIENT, mode: 'system-browser' },
        authorityHost: 'login.microsoftonline.com',
        host: 'outlook.office365.com',
        port: 993,
        security: 'tls',
        user: `rechnung@contoso.de ${HOSTILE}`,
      }).map((v) => ({ ...v, refreshToken: REFRESH })),
      { key: 'accessToken', value: TOKEN },
    ],
    accessToken: TOKEN,
    refreshToken: REFRESH,
  } as unknown as OAuthState;
  const steps = {
    oauthRegister: {
      status: 'done' as const,
      confirmedAt: '2026-11-20T09:00:00.000Z',
      confirmations: ['2026-11-20T09:00:00.000Z'],
      note: '',
      updatedAt: '2026-11-20T09:00:00.000Z',
    },
    oauthPlatform: {
      status: 'done' as const,
      confirmedAt: '2026-11-20T09:10:00.000Z',
      confirmations: ['2026-11-20T09:10:00.000Z'],
      note: '',
      updatedAt: '2026-11-20T09:10:00.000Z',
    },
    oauthTest: {
      status: 'done' as const,
      confirmedAt: '2026-11-20T09:50:00.000Z',
      confirmations: ['2026-11-20T09:50:00.000Z'],
      note: '',
      updatedAt: '2026-11-20T09:50:00.000Z',
    },
  };
  const html = buildSetupReport(input({ oauth: reportOAuthOf(state), progress: { steps }, lastTest: null }));
  const section = /<section data-section="handover">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';

  it('has a hand-over section with the shared labels and note, every value an OAuth-capable adapter needs', () => {
    expect(section).toContain(
      `<h2>Übergabe: Werte für einen OAuth-fähigen Mail-Adapter</h2><p class="hint">${escapeHtml(HANDOVER_NOTE.de)}</p>`,
    );
    expect(section).toContain(`<dt>${HANDOVER_LABELS.tenantId.de}</dt><dd><code>${TENANT}</code></dd>`);
    expect(section).toContain(`<dt>${HANDOVER_LABELS.clientId.de}</dt><dd><code>${CLIENT}</code></dd>`);
    expect(section).toContain(
      `<dt>${HANDOVER_LABELS.authority.de}</dt><dd><code>https://login.microsoftonline.com/${TENANT}</code></dd>`,
    );
    expect(section).toContain(`<dt>${HANDOVER_LABELS.redirectUri.de}</dt><dd><code>http://localhost</code></dd>`);
    expect(section).toContain(
      `<dt>${HANDOVER_LABELS.scopes.de}</dt><dd><code>https://outlook.office.com/IMAP.AccessAsUser.All offline_access</code></dd>`,
    );
    expect(section).toContain(`<dt>${HANDOVER_LABELS.imapHost.de}</dt><dd><code>outlook.office365.com</code></dd>`);
    expect(section).toContain(`<dt>${HANDOVER_LABELS.imapPort.de}</dt><dd><code>993</code></dd>`);
    expect(section).toContain(`<dt>${HANDOVER_LABELS.user.de}</dt><dd><code>rechnung@contoso.de &lt;script&gt;`);
    const en = buildSetupReport(input({ language: 'en', oauth: reportOAuthOf(state) }));
    expect(en).toContain(
      `<h2>Hand-over: values for an OAuth-capable mail adapter</h2><p class="hint">${escapeHtml(HANDOVER_NOTE.en)}</p>`,
    );
    expect(en).toContain(`<dt>${HANDOVER_LABELS.tenantId.en}</dt>`);
  });

  it("escapes the values and never prints a token, whatever main's state carries", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('CANARY');
    expect(html).not.toContain(TOKEN.split('.')[0]!);
    // An unknown key is left out rather than printed under a made-up label.
    expect(section.match(/<dt>/g)).toHaveLength(Object.keys(HANDOVER_LABELS).length);
    // Even an object passed straight in, with token fields, prints no token.
    const direct = buildSetupReport(input({ oauth: state as never }));
    expect(direct).not.toContain('CANARY');
  });

  it("names the route and the sign-in instead of the app password, and lists the track's own steps", () => {
    expect(html).toContain('<dt>Weg</dt><dd>Moderne Authentifizierung (OAuth 2.0)</dd>');
    expect(html).toContain(
      '<dt>Anmeldung (OAuth 2.0)</dt><dd>angemeldet als rechnung@contoso.de seit <time datetime="2026-11-20T09:40:00.000Z">',
    );
    expect(html).not.toContain('<dt>App-Kennwort</dt>');
    const rows = [
      ...html.matchAll(
        /<tr(?: class="part")?><td>([\d.]+)<\/td><td>([^<]+)<\/td><td class="status-(\w+)">([^<]+)<\/td>/g,
      ),
    ].map((m) => `${m[1]} ${m[2]}: ${m[4]}`);
    expect(html.match(/<tr class="part">/g)).toHaveLength(3);
    expect(rows).toEqual([
      '1 Start: erledigt',
      '2 Verbindung anlegen: erledigt',
      '3 Netzwerk prüfen: offen',
      '4 App in Entra registrieren: 2 von 3 erledigt',
      '4.1 App registrieren: erledigt',
      '4.2 Plattform und Umleitungs-URI: erledigt',
      '4.3 API-Berechtigungen: offen',
      '5 IDs eintragen: erledigt',
      '6 Als Postfachbenutzer anmelden: erledigt',
      '7 Mit XOAUTH2 testen: erledigt',
      '8 Werte für den Mail-Adapter: offen',
    ]);
    expect(html).not.toContain('Sicherheitsstandards');
  });

  it('says when the IDs are still missing, and keeps the app-password report as it was', () => {
    const early = buildSetupReport(
      input({ oauth: { track: 'modern-auth', registered: false, signedIn: false, account: null, handover: null } }),
    );
    expect(early).toContain('Die IDs der App-Registrierung sind noch nicht eingetragen.');
    expect(early).toContain('<dt>Anmeldung (OAuth 2.0)</dt><dd>nicht angemeldet</dd>');
    const appPassword = buildSetupReport(input({ oauth: { ...reportOAuthOf(state), track: 'app-password' } }));
    expect(appPassword).not.toContain('data-section="handover"');
    expect(appPassword).toContain('<dt>Weg</dt><dd>App-Kennwort (Dokumentation 2022)</dd>');
    expect(appPassword).toContain('<dt>App-Kennwort</dt><dd>im Schlüsselbund gespeichert');
    expect(appPassword).toContain('Sicherheitsstandards ausschalten');
    expect(buildSetupReport(input())).not.toContain('<dt>Weg</dt>');
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
