import { diagnose } from '@shared/diagnosis/diagnose';
import type { Language } from '@shared/ipc/channels/app';
import { refineTokenDiagnosis, type TokenFacts } from '@shared/oauth/xoauth2-causes';
import { authFailed, report } from '@test/fixtures/probe-reports';
import { describe, expect, it } from 'vitest';

// A token Microsoft issued that Exchange still refused: the switches on Exchange Online's side must be named.
const now = new Date('2026-11-24T12:00:00.000Z');
const mailbox = 'imap@c.example';
const goodToken: TokenFacts = {
  audience: 'https://outlook.office.com',
  scopes: ['IMAP.AccessAsUser.All'],
  user: mailbox,
  expiresAt: new Date(now.getTime() + 600_000).toISOString(),
};
const card = (language: Language) => diagnose(authFailed({ credential: 'xoauth2' }), { language, now });
const cause = (language: Language, id: string) => card(language).causes.find((c) => c.id === id)?.text ?? '';

describe('XOAUTH2 refused although the token was issued: Exchange Online causes', () => {
  it.each<[string, RegExp[], RegExp]>([
    [
      'modern-auth-blocked-imap',
      [
        /BlockModernAuthImap/,
        /Get-AuthenticationPolicy/,
        /Get-User anna@contoso\.example \| Format-List AuthenticationPolicy/,
        /DefaultAuthenticationPolicy/,
      ],
      /Authentifizierungsrichtlinie/,
    ],
    [
      'imap-off-by-mailbox-plan',
      [/Get-CASMailbox anna@contoso\.example \| Format-List ImapEnabled/, /Get-CASMailboxPlan/, /Set-CASMailbox/],
      /Postfachplan/,
    ],
    [
      'exchange-app-sign-in-disabled',
      [/Office 365 Exchange Online/, /00000002-0000-0ff1-ce00-000000000000/, /Enabled for users to sign-in\?/],
      /Für Benutzeranmeldung aktiviert\?/,
    ],
  ])('%s says where to check it, in English and German', (id, english, german) => {
    for (const pattern of english) expect(cause('en', id)).toMatch(pattern);
    expect(cause('de', id)).toMatch(german);
    expect(cause('de', id)).not.toBe(cause('en', id));
  });

  it('ranks them behind the causes that concern this token, per-mailbox switches before tenant-wide ones', () => {
    const ids = card('en').causes.map((c) => c.id);
    const at = (id: string) => ids.indexOf(id);
    expect(at('consent-missing')).toBeLessThan(at('imap-disabled-for-mailbox'));
    expect(at('imap-disabled-for-mailbox')).toBeLessThan(at('imap-off-by-mailbox-plan'));
    expect(at('imap-off-by-mailbox-plan')).toBeLessThan(at('modern-auth-blocked-imap'));
    expect(at('modern-auth-blocked-imap')).toBeLessThan(at('exchange-app-sign-in-disabled'));
    expect(card('en').causes.at(-1)).toMatchObject({ id: 'exchange-app-sign-in-disabled', likelihood: 'low' });
  });

  it('the same causes appear when the first mailbox command refuses the token', () => {
    const ids = diagnose(report('MAILBOX_FAILED', 'mailbox', { credential: 'xoauth2' }), {
      language: 'en',
      now,
    }).causes.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['imap-off-by-mailbox-plan', 'modern-auth-blocked-imap', 'exchange-app-sign-in-disabled']),
    );
  });

  it('a token that looks right moves all Exchange-side causes to the top', () => {
    const refined = refineTokenDiagnosis(card('en'), goodToken, mailbox, 'en', now);
    expect(refined.causes.slice(0, 4).map((c) => [c.id, c.likelihood])).toEqual([
      ['imap-disabled-for-mailbox', 'high'],
      ['imap-off-by-mailbox-plan', 'high'],
      ['modern-auth-blocked-imap', 'high'],
      ['exchange-app-sign-in-disabled', 'high'],
    ]);
    expect(refined.causes.find((c) => c.id === 'consent-missing')?.likelihood).toBe('low');
  });

  it('a token with a visible fault keeps them behind that fault', () => {
    const refined = refineTokenDiagnosis(
      card('en'),
      { ...goodToken, audience: 'https://graph.microsoft.com' },
      mailbox,
      'en',
      now,
    );
    expect(refined.causes[0]).toMatchObject({ id: 'token-wrong-audience', likelihood: 'high' });
    expect(refined.causes.find((c) => c.id === 'modern-auth-blocked-imap')?.likelihood).toBe('low');
  });
});
