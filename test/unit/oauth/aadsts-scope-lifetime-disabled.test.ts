import { diagnoseAadsts, diagnoseOAuthError, isKnownAadsts, localizeDiagnosis } from '@shared/oauth/aadsts';
import { SIGN_IN_SCOPES } from '@shared/oauth/constants';
import { describe, expect, it } from 'vitest';

// Error descriptions as Microsoft's token endpoint returns them (shapes from public logs; ids shortened).
const MESSAGES = {
  700081:
    'AADSTS700081: The refresh token has expired due to maximum lifetime. The token was issued on 2024-01-02T10:00:00Z and the maximum allowed lifetime for this application is 1.00:00:00.\r\nTrace ID: 1111\r\nCorrelation ID: 2222',
  65006:
    "AADSTS65006: Resource 'acca5fbb-0000-0000-0000-000000000000' had no entitlements matching required permissions configured on the required resource access for client '61f3d82d-0000-0000-0000-000000000000'.\r\nTrace ID: 3333",
  70011:
    "AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope https://outlook.office.com/IMAP.AccessAsUser.All offline_access openid profile email is not valid.\r\nTrace ID: 4444",
  1002012: 'AADSTS1002012: The provided value for scope IMAP.AccessAsUser.All is not valid.\r\nTrace ID: 5555',
  7000112: "AADSTS7000112: Application '00000002-0000-0ff1-ce00-000000000000'(Office 365 Exchange Online) is disabled.",
} as const;

const both = (code: number) => {
  const d = diagnoseAadsts(code, MESSAGES[code as keyof typeof MESSAGES]);
  return { d, de: localizeDiagnosis(d, 'de'), en: localizeDiagnosis(d, 'en') };
};

describe('sign-in codes for lifetime, scopes and disabled apps', () => {
  it('AADSTS700081 is a dead refresh token (sign in again) that says why: the maximum lifetime', () => {
    const { d, de, en } = both(700081);
    expect(d).toMatchObject({ code: 'REFRESH_EXPIRED', aadsts: 700081, action: 'sign-in-again' });
    expect(en.title).toMatch(/lifetime/i);
    expect(en.text).toMatch(/sign in again as the mailbox user/i);
    expect(de.title).toMatch(/Höchstdauer/);
    expect(de.text).toMatch(/erneut als Postfachbenutzer an/);
    expect(d.serverMessage).toMatch(/^AADSTS700081: The refresh token has expired due to maximum lifetime\./);
    expect(d.serverMessage).not.toMatch(/Trace ID/);
    // The generic "sign-in expired" card stays for the other dead-grant codes.
    expect(localizeDiagnosis(diagnoseAadsts(700082), 'en').title).not.toBe(en.title);
  });

  it('an invalid_grant carrying AADSTS700081 leads to the same card', () => {
    const d = diagnoseOAuthError('invalid_grant', MESSAGES[700081]);
    expect(d).toMatchObject({ code: 'REFRESH_EXPIRED', aadsts: 700081, title: 'signin:aadsts.700081.title' });
  });

  it.each([65006, 70011, 1002012])(
    'AADSTS%i (permission or scope not valid) points to the API permissions step',
    (code) => {
      const { d, de, en } = both(code);
      expect(isKnownAadsts(code)).toBe(true);
      expect(d).toMatchObject({ code: `AADSTS${code}`, aadsts: code, action: 'fix-registration', step: 'permissions' });
      expect(en.text).toMatch(/“API permissions”/);
      expect(de.text).toMatch(/„API-Berechtigungen“/);
      expect(en.text).toMatch(/IMAP\.AccessAsUser\.All/);
    },
  );

  it('AADSTS70011 and AADSTS1002012 name the scopes the sign-in actually requests', () => {
    for (const code of [70011, 1002012]) {
      const { en, de } = both(code);
      for (const scope of SIGN_IN_SCOPES) expect([en.text, de.text].every((text) => text.includes(scope))).toBe(true);
    }
  });

  it('AADSTS65006 tells to replace the mismatched permission entry, not only to consent', () => {
    const { en, de } = both(65006);
    expect(en.text).toMatch(/remove the entry/i);
    expect(de.text).toMatch(/Entfernen Sie/);
    expect(en.title).not.toBe(localizeDiagnosis(diagnoseAadsts(65001), 'en').title);
  });

  it('AADSTS7000112 (application disabled) asks for re-enabling it under Enterprise applications', () => {
    const { d, de, en } = both(7000112);
    expect(d).toMatchObject({ code: 'AADSTS7000112', action: 'ask-admin' });
    expect(en.text).toMatch(/Enterprise applications/);
    expect(en.text).toMatch(/“Enabled for users to sign-in\?” to “Yes”/);
    expect(de.text).toMatch(/Unternehmensanwendungen/);
    expect(de.text).toMatch(/„Für Benutzeranmeldung aktiviert\?“ auf „Ja“/);
    expect(d.serverMessage).toContain('Office 365 Exchange Online');
  });
});
