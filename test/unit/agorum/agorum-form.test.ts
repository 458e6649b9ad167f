import { buildSetupReport } from '@core/wizard/report/build-report';
import { AGORUM_FIELD_LABELS, agorumForm, type AgorumFormInput } from '@shared/agorum/form';
import { translator } from '@shared/text/translator';
import { input } from '@test/unit/wizard/setup-report-input';
import { describe, expect, it } from 'vitest';

/** agorum's administration page for the mail adapter, as its current documentation names the fields. */
const AGORUM_PAGE = ['Name', 'Server-Typ', 'E-Mail-Host', 'E-Mail-Pfad', 'E-Mail-Benutzer', 'E-Mail-Passwort'];

const CONNECTION: AgorumFormInput = {
  name: 'Rechnungen',
  host: 'outlook.office365.com',
  port: 993,
  security: 'tls',
  user: 'rechnung@contoso.de',
};

describe("agorum's form, field by field", () => {
  it('has exactly agorum’s fields, in agorum’s order, by agorum’s names, on every route', () => {
    for (const route of [
      { route: 'app-password' },
      { route: 'modern-auth' },
      { route: 'bridge', listenHost: '127.0.0.1', serverType: 'imap' },
    ] as const) {
      expect(agorumForm(CONNECTION, route).map((f) => f.label)).toEqual(AGORUM_PAGE);
    }
    expect(Object.values(AGORUM_FIELD_LABELS)).toEqual(AGORUM_PAGE);
  });

  it('gives every field a value, a secret, or an explicit "leave as is" / "nothing"', () => {
    const byId = Object.fromEntries(agorumForm(CONNECTION, { route: 'app-password' }).map((f) => [f.id, f]));
    expect(byId.name!.entry).toEqual({ kind: 'value', value: 'Rechnungen' });
    expect(byId.serverType!.entry).toEqual({ kind: 'value', value: 'IMAPS (SSL/TLS)' });
    expect(byId.emailHost!.entry).toEqual({ kind: 'value', value: 'outlook.office365.com' });
    expect(byId.emailPath!.entry).toEqual({ kind: 'keep' });
    expect(byId.emailUser!.entry).toEqual({ kind: 'value', value: 'rechnung@contoso.de' });
    expect(byId.emailPassword!.entry).toEqual({ kind: 'secret', secret: 'app-password' });
    const oauth = agorumForm(CONNECTION, { route: 'modern-auth' }).find((f) => f.id === 'emailPassword')!;
    expect(oauth.entry).toEqual({ kind: 'none' });
  });

  it('on the bridge route, points the adapter at the bridge and asks for the bridge password', () => {
    const form = agorumForm(CONNECTION, { route: 'bridge', listenHost: '127.0.0.1', serverType: 'imap' });
    const byId = Object.fromEntries(form.map((f) => [f.id, f]));
    expect(byId.emailHost!.entry).toEqual({ kind: 'value', value: '127.0.0.1' });
    expect(byId.serverType!.entry).toEqual({ kind: 'value', value: 'IMAP' });
    expect(byId.emailPassword!.entry).toEqual({ kind: 'secret', secret: 'bridge-password' });
  });

  it('says there is no port field, and what a non-standard port means', () => {
    const tr = translator('de');
    const note = (over: Partial<AgorumFormInput>) => {
      const f = agorumForm({ ...CONNECTION, ...over }, { route: 'app-password' }).find((x) => x.id === 'serverType')!;
      return tr.t(f.note!.key, f.note!.values);
    };
    expect(note({})).toMatch(/kein Port-Feld.*Port 993/);
    expect(note({ port: 10993 })).toMatch(/Port 10993 .*nicht eintragen.*Portweiterleitung/);
    expect(note({ port: 143, security: 'starttls' })).toMatch(/STARTTLS/);
  });
});

describe('the setup report carries the same form', () => {
  const visible = (html: string) => html.replace(/<[^>]*>/g, ' ');
  for (const track of ['app-password', 'modern-auth'] as const) {
    it(`lists agorum's six fields in order (${track})`, () => {
      const oauth = { track, registered: false, signedIn: false, account: null, handover: null };
      const html = buildSetupReport(input({ oauth }));
      const section = /<section data-section="agorum">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
      const labels = [...section.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
      expect(labels).toEqual(AGORUM_PAGE);
      expect(visible(section)).toContain(translator('de').t('agorum:keep'));
      expect(visible(section)).toContain('diesem Rechner');
      expect(section).not.toMatch(/<dt>Passwort<\/dt>|<dt>Port<\/dt>/);
    });
  }
});
