/** The setup report on the bridge route: agorum's form points at the bridge, its password is only named. */
import { buildSetupReport } from '@core/wizard/report/build-report';
import { translator } from '@shared/text/translator';
import { describe, expect, it } from 'vitest';

import { input } from './setup-report-input';

const DE = translator('de');
const section = (html: string) => /<section data-section="agorum">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
const oauth = { track: 'bridge' as const, registered: true, signedIn: true, account: null, handover: null };

describe('setup report on the bridge route', () => {
  it('E-Mail-Host is the bridge’s address, the Server-Typ its type, E-Mail-Passwort the bridge’s (named only)', () => {
    const html = buildSetupReport(input({ oauth, bridge: { listenHost: '127.0.0.2', serverType: 'imap' } }));
    const agorum = section(html);
    expect(agorum).toContain('<code>127.0.0.2</code>');
    expect(agorum).toContain('<code>IMAP</code>');
    expect(agorum).toContain(DE.t('agorum:secret.bridge-password'));
    expect(agorum).not.toContain(DE.t('agorum:secret.app-password'));
  });

  it('without the bridge’s settings it does not pretend to know its address', () => {
    const agorum = section(buildSetupReport(input({ oauth, bridge: null })));
    expect(agorum).not.toContain('127.0.0.2');
    expect(agorum).not.toContain(DE.t('agorum:secret.bridge-password'));
  });
});
