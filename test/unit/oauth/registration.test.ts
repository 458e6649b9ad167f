import { checkSignedInAccount } from '@shared/oauth/account-match';
import { handoverValues } from '@shared/oauth/handover';
import { oauthRegistrationSchema, registrationProblems } from '@shared/oauth/registration';
import { offerSwitchAfter } from '@shared/oauth/track';
import { recommendedRoute } from '@shared/wizard/routes';
import { describe, expect, it } from 'vitest';

const TENANT = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
const CLIENT = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

describe('app registration IDs', () => {
  it('accepts GUIDs (normalised to lower case) and verified domains for the tenant', () => {
    expect(oauthRegistrationSchema.parse({ tenant: ` ${TENANT} `, clientId: CLIENT })).toEqual({
      tenant: TENANT.toLowerCase(),
      clientId: CLIENT,
      mode: 'system-browser',
    });
    expect(
      oauthRegistrationSchema.parse({ tenant: 'Contoso.onmicrosoft.com', clientId: CLIENT, mode: 'embedded' }).tenant,
    ).toBe('contoso.onmicrosoft.com');
    expect(registrationProblems({ tenant: 'firma-gmbh.de', clientId: CLIENT })).toEqual([]);
  });

  it.each([
    [{ tenant: '', clientId: CLIENT }, [{ field: 'tenant', code: 'tenant.required' }]],
    [{ tenant: 'common', clientId: CLIENT }, [{ field: 'tenant', code: 'tenant.alias' }]],
    [{ tenant: 'Organizations', clientId: CLIENT }, [{ field: 'tenant', code: 'tenant.alias' }]],
    [{ tenant: 'not a tenant', clientId: CLIENT }, [{ field: 'tenant', code: 'tenant.invalid' }]],
    [{ tenant: '72f988bf-86f1-41af-91ab', clientId: CLIENT }, [{ field: 'tenant', code: 'tenant.invalid' }]],
    [{ tenant: TENANT, clientId: 'contoso.onmicrosoft.com' }, [{ field: 'clientId', code: 'clientId.invalid' }]],
    [{ tenant: TENANT, clientId: '' }, [{ field: 'clientId', code: 'clientId.required' }]],
    [{ tenant: CLIENT, clientId: CLIENT }, [{ field: 'clientId', code: 'clientId.sameAsTenant' }]],
  ])('refuses %j', (input, problems) => {
    expect(registrationProblems(input)).toEqual(problems);
  });
});

describe('signed-in account check', () => {
  it('matches preferred_username, upn or email, ignoring case', () => {
    expect(checkSignedInAccount({ preferred_username: 'IMAP@Contoso.example' }, 'imap@contoso.example')).toMatchObject({
      match: true,
    });
    expect(
      checkSignedInAccount(
        { preferred_username: 'x@contoso.onmicrosoft.com', email: 'imap@contoso.example' },
        'imap@contoso.example',
      ),
    ).toEqual({
      match: true,
      signedInAs: 'imap@contoso.example',
    });
  });

  it('explains a mismatch with who signed in', () => {
    expect(checkSignedInAccount({ preferred_username: 'admin@contoso.example' }, 'imap@contoso.example')).toEqual({
      match: false,
      signedInAs: 'admin@contoso.example',
      expected: 'imap@contoso.example',
      reason: 'other-user',
    });
    expect(checkSignedInAccount({}, 'imap@contoso.example')).toMatchObject({
      match: false,
      reason: 'no-name-in-token',
    });
    expect(checkSignedInAccount({ upn: 'a@b.example' }, ' ')).toMatchObject({
      match: false,
      reason: 'no-mailbox-user',
    });
  });
});

describe('track recommendation and hand-over', () => {
  it('recommends modern auth for Exchange Online hosts only', () => {
    expect(recommendedRoute('outlook.office365.com')).toBe('bridge');
    expect(recommendedRoute('OUTLOOK.office365.com.')).toBe('bridge');
    expect(recommendedRoute('imap.example.de')).toBe('app-password');
    expect(offerSwitchAfter('AUTH_FAILED', 'outlook.office365.com')).toBe(true);
    expect(offerSwitchAfter('AUTH_FAILED', 'imap.example.de')).toBe(false);
    expect(offerSwitchAfter('TLS_UNTRUSTED', 'outlook.office365.com')).toBe(false);
    // Exchange Online behind another name is recognised by its greeting.
    expect(offerSwitchAfter('AUTH_FAILED', 'mail.proxy.example', 'exchange-online')).toBe(true);
    expect(offerSwitchAfter('AUTH_FAILED', 'mail.proxy.example', 'dovecot')).toBe(false);
  });

  it('lists what an OAuth-capable adapter needs', () => {
    const values = Object.fromEntries(
      handoverValues({
        registration: { tenant: TENANT.toLowerCase(), clientId: CLIENT, mode: 'system-browser' },
        authorityHost: 'login.microsoftonline.com',
        host: 'outlook.office365.com',
        port: 993,
        security: 'tls',
        user: 'imap@contoso.example',
      }).map((v) => [v.key, v.value]),
    );
    expect(values).toMatchObject({
      tenantId: TENANT.toLowerCase(),
      clientId: CLIENT,
      redirectUri: 'http://localhost',
      scopes: 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access',
      authority: `https://login.microsoftonline.com/${TENANT.toLowerCase()}`,
      imapHost: 'outlook.office365.com',
      imapPort: '993',
      user: 'imap@contoso.example',
      saslMechanism: 'XOAUTH2',
    });
  });
});
