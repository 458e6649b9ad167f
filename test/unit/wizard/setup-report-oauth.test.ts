/** The setup report on the modern-auth route: hand-over values, sign-in, the route's own steps, never a token. */
import { buildSetupReport } from '@core/wizard/report/build-report';
import { escapeHtml } from '@core/wizard/report/html';
import { reportOAuthOf } from '@core/wizard/wizard-data';
import { type HandoverKey, handoverLabelKey, handoverValues } from '@shared/oauth/handover';
import type { OAuthState } from '@shared/oauth/state';
import { translator } from '@shared/text/translator';
import { describe, expect, it } from 'vitest';

// Labels and words the report shares with the wizard come from the one catalogue.
const [DE, EN] = [translator('de'), translator('en')];
const label = (key: HandoverKey, tr = DE) => tr.t(handoverLabelKey(key));
const status = { done: DE.t('wizard:status.done'), open: DE.t('wizard:status.open') };

import { HOSTILE, input } from './setup-report-input';

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
      `<h2>Übergabe: Werte für einen OAuth-fähigen Mail-Adapter</h2><p class="hint">${escapeHtml(DE.t('report:handoverNote'))}</p>`,
    );
    expect(section).toContain(`<dt>${label('tenantId')}</dt><dd><code>${TENANT}</code></dd>`);
    expect(section).toContain(`<dt>${label('clientId')}</dt><dd><code>${CLIENT}</code></dd>`);
    expect(section).toContain(
      `<dt>${label('authority')}</dt><dd><code>https://login.microsoftonline.com/${TENANT}</code></dd>`,
    );
    expect(section).toContain(`<dt>${label('redirectUri')}</dt><dd><code>http://localhost</code></dd>`);
    expect(section).toContain(
      `<dt>${label('scopes')}</dt><dd><code>https://outlook.office.com/IMAP.AccessAsUser.All offline_access</code></dd>`,
    );
    expect(section).toContain(`<dt>${label('imapHost')}</dt><dd><code>outlook.office365.com</code></dd>`);
    expect(section).toContain(`<dt>${label('imapPort')}</dt><dd><code>993</code></dd>`);
    expect(section).toContain(`<dt>${label('user')}</dt><dd><code>rechnung@contoso.de &lt;script&gt;`);
    const en = buildSetupReport(input({ language: 'en', oauth: reportOAuthOf(state) }));
    expect(en).toContain(
      `<h2>Hand-over: values for an OAuth-capable mail adapter</h2><p class="hint">${escapeHtml(EN.t('report:handoverNote'))}</p>`,
    );
    expect(en).toContain(`<dt>${label('tenantId', EN)}</dt>`);
  });

  it("escapes the values and never prints a token, whatever main's state carries", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('CANARY');
    expect(html).not.toContain(TOKEN.split('.')[0]!);
    // An unknown key is left out rather than printed under a made-up label.
    expect(section.match(/<dt>/g)).toHaveLength(state.handover!.length - 1);
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
      `1 Start: ${status.done}`,
      `2 Verbindung anlegen: ${status.done}`,
      `3 Netzwerk prüfen: ${status.open}`,
      '4 App in Entra registrieren: 2 von 3 erledigt',
      `4.1 App registrieren: ${status.done}`,
      `4.2 Plattform und Umleitungs-URI: ${status.done}`,
      `4.3 API-Berechtigungen: ${status.open}`,
      `5 IDs eintragen: ${status.done}`,
      `6 Als Postfachbenutzer anmelden: ${status.done}`,
      `7 Mit XOAUTH2 testen: ${status.done}`,
      `8 Werte für den Mail-Adapter: ${status.open}`,
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
