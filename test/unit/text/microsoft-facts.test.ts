/** What the texts say about Microsoft's pages and the app registration matches DOMAIN.md and the code's constants. */
import { SIGN_IN_SCOPES } from '@shared/oauth/constants';
import { LANGUAGES } from '@shared/text/resources';
import { translator } from '@shared/text/translator';
import { PORTAL_LINKS } from '@shared/wizard/portal-links';
import { describe, expect, it } from 'vitest';

const LEGACY_MFA = 'multifactorverification.aspx';

describe.each(LANGUAGES)('Microsoft facts in the texts (%s)', (language) => {
  const tr = translator(language);

  it('leads to per-user MFA through Entra, the legacy page only as a fallback', () => {
    expect(tr.t('wizard:perUserMfa.where')).toBe(
      language === 'de' ? 'Entra ID › Benutzer › MFA pro Benutzer' : 'Entra ID › Users › Per-user MFA',
    );
    expect(tr.list('wizard:perUserMfa.instructionsA').join(' ')).not.toContain(LEGACY_MFA);
    expect(tr.t('wizard:perUserMfa.legacyFallback')).toContain(LEGACY_MFA);
  });

  it('says the service-settings page is legacy yet documented, and what the option means at registration', () => {
    expect(tr.t('wizard:perUserMfa.legacyPage')).toMatch(
      language === 'de' ? /älteren.*dokumentiert.*Registrierung/ : /older.*documents.*registering/,
    );
  });

  it('lists every scope the sign-in requests', () => {
    const step = tr.list('oauth:permissions.instructions').join(' ');
    for (const scope of SIGN_IN_SCOPES)
      expect(step).toContain(`<code>${scope.replace(/^https:\/\/[^/]+\//, '')}</code>`);
  });

  it('part 2 edits the platform part 1 created, and names public client flows in the text', () => {
    const platform = tr.list('oauth:platform.instructions').join(' ');
    expect(platform).not.toMatch(language === 'de' ? /› <b>Plattform hinzufügen<\/b>/ : /› <b>Add a platform<\/b>/);
    expect(platform).toContain(language === 'de' ? 'Öffentliche Clientflows zulassen' : 'Allow public client flows');
  });

  it('names the IMAP permission the same way in the registration step and in the diagnosis', () => {
    const step = tr.list('oauth:permissions.instructions').join(' ');
    const diagnosis = tr.t('diagnosis:shared.actions.check-app-registration');
    expect(step).toContain('Microsoft Graph');
    expect(diagnosis).toContain('Microsoft Graph › IMAP.AccessAsUser.All');
    expect(diagnosis).not.toContain('Office 365 Exchange Online');
  });
});

describe('deep links are marked as Microsoft documents them', () => {
  it('marks the tenant overview and the MFA service settings as documented', () => {
    expect(PORTAL_LINKS.entraOverview.verified).toBe('documented');
    expect(PORTAL_LINKS.mfaServiceSettings.verified).toBe('documented');
  });
});
