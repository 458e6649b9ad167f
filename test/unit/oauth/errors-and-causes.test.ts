import { ClientAuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { AUTHORITY_HOST_ENV, authorityFromEnv, authorityUrl, isAuthorityUrl } from '@core/oauth/authority';
import { diagnoseMsalError, signInError } from '@core/oauth/msal-errors';
import { tokenFacts } from '@core/oauth/token-facts';
import { diagnose } from '@shared/diagnosis/diagnose';
import { AppError } from '@shared/ipc/result';
import { refineTokenDiagnosis } from '@shared/oauth/xoauth2-causes';
import type { ProbeCode } from '@shared/probe/codes';
import type { ProbeReport } from '@shared/probe/report';
import { describe, expect, it } from 'vitest';

describe('MSAL errors as diagnoses', () => {
  it('uses the numeric error code of a server answer', () => {
    const err = new ServerError('invalid_client', 'c', 'AADSTS7000218: The request body must contain…', '', '7000218');
    expect(diagnoseMsalError(err)).toMatchObject({ code: 'AADSTS7000218', step: 'platform' });
  });

  it('falls back to the code in the message, then to the error kind', () => {
    expect(
      diagnoseMsalError(new InteractionRequiredAuthError('invalid_grant', 'c', 'AADSTS700082: expired')).code,
    ).toBe('REFRESH_EXPIRED');
    expect(diagnoseMsalError(new InteractionRequiredAuthError('invalid_grant', 'c', 'no code')).code).toBe(
      'REFRESH_EXPIRED',
    );
    expect(diagnoseMsalError(new ClientAuthError('endpoints_resolution_error', 'c')).code).toBe(
      'AUTHORITY_UNREACHABLE',
    );
    expect(diagnoseMsalError(new ClientAuthError('state_mismatch', 'c')).code).toBe('STATE_MISMATCH');
    expect(diagnoseMsalError(new ClientAuthError('no_account_in_silent_request', 'c')).code).toBe('SIGN_IN_REQUIRED');
    expect(diagnoseMsalError(new TypeError('x')).code).toBe('SIGN_IN_FAILED');
  });

  it('wraps as a typed IPC error, passing keychain errors through', () => {
    const e = signInError(new ServerError('access_denied', 'c', 'AADSTS53003: blocked', '', '53003'));
    expect(e.code).toBe('OAUTH_AADSTS53003');
    expect(e.details).toMatchObject({ diagnosis: { action: 'ask-admin' } });
    const keychain = new AppError('KEYCHAIN_LOCKED', 'locked');
    expect(signInError(keychain)).toBe(keychain);
  });
});

describe('authority', () => {
  it('defaults to Microsoft’s global cloud and accepts a host override', () => {
    expect(authorityFromEnv({})).toEqual({ host: 'login.microsoftonline.com' });
    expect(authorityFromEnv({ [AUTHORITY_HOST_ENV]: 'Login.MicrosoftOnline.us' })).toEqual({
      host: 'login.microsoftonline.us',
    });
    expect(authorityFromEnv({ [AUTHORITY_HOST_ENV]: '127.0.0.1:8443' })).toEqual({ host: '127.0.0.1:8443' });
    expect(() => authorityFromEnv({ [AUTHORITY_HOST_ENV]: 'https://evil/x' })).toThrow();
    expect(authorityUrl({ host: 'login.microsoftonline.com' }, 'contoso.de')).toBe(
      'https://login.microsoftonline.com/contoso.de',
    );
  });

  it('only hands authority URLs to the browser', () => {
    const cfg = { host: 'login.microsoftonline.com' };
    expect(isAuthorityUrl('https://login.microsoftonline.com/t/oauth2/v2.0/authorize?x=1', cfg)).toBe(true);
    expect(isAuthorityUrl('http://login.microsoftonline.com/t', cfg)).toBe(false);
    expect(isAuthorityUrl('https://login.microsoftonline.com.evil.example/t', cfg)).toBe(false);
    expect(isAuthorityUrl('file:///etc/passwd', cfg)).toBe(false);
  });
});

const jwt = (claims: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

describe('AUTH_FAILED with a token: causes ranked by the token’s claims', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const future = Math.floor(now.getTime() / 1000) + 600;
  const report = (code: ProbeCode): ProbeReport =>
    ({
      ok: code === 'OK',
      code,
      stage: 'auth',
      stages: [
        {
          stage: 'input',
          status: 'ok',
          details: {
            host: 'outlook.office365.com',
            port: 993,
            security: 'tls',
            user: 'imap@c.example',
            credential: 'xoauth2',
            networkOnly: false,
            notices: [],
            issues: [],
          },
        },
      ],
      server: { product: 'exchange-online', greeting: null, capabilities: [] },
      tls: null,
      transcript: [],
      durationMs: 1,
      checkedAt: now.toISOString(),
    }) as unknown as ProbeReport;
  const card = diagnose(report('AUTH_FAILED'), { language: 'en', now });
  const base = {
    audience: 'https://outlook.office.com',
    scopes: ['IMAP.AccessAsUser.All'],
    user: 'imap@c.example',
    expiresAt: new Date(future * 1000).toISOString(),
  };
  const top = (facts: typeof base) => refineTokenDiagnosis(card, facts, 'imap@c.example', 'en', now).causes[0];

  it('reads audience, scopes, user and expiry from the token', () => {
    expect(
      tokenFacts(
        jwt({
          aud: 'https://outlook.office.com',
          scp: 'IMAP.AccessAsUser.All User.Read',
          upn: 'a@b.example',
          exp: future,
        }),
      ),
    ).toEqual({
      audience: 'https://outlook.office.com',
      scopes: ['IMAP.AccessAsUser.All', 'User.Read'],
      user: 'a@b.example',
      expiresAt: new Date(future * 1000).toISOString(),
    });
    expect(tokenFacts('opaque-token')).toEqual({ audience: null, scopes: [], user: null, expiresAt: null });
  });

  it('the connection-test diagnosis has token causes to rank', () => {
    expect(card.causes.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'token-wrong-audience',
        'consent-missing',
        'user-not-mailbox',
        'token-expired',
        'imap-disabled-for-mailbox',
      ]),
    );
  });

  it('puts the cause the claims show first', () => {
    expect(top({ ...base, audience: 'https://graph.microsoft.com' })).toMatchObject({
      id: 'token-wrong-audience',
      likelihood: 'high',
    });
    expect(top({ ...base, scopes: ['User.Read'] })).toMatchObject({ id: 'consent-missing', likelihood: 'high' });
    expect(top({ ...base, user: 'other@c.example' })).toMatchObject({ id: 'user-not-mailbox', likelihood: 'high' });
    expect(top({ ...base, expiresAt: '2026-11-24T11:00:00Z' })).toMatchObject({
      id: 'token-expired',
      likelihood: 'high',
    });
    const looksRight = refineTokenDiagnosis(card, base, 'IMAP@c.example', 'en', now);
    expect(looksRight.causes[0]).toMatchObject({ id: 'imap-disabled-for-mailbox', likelihood: 'high' });
    expect(looksRight.causes.find((c) => c.id === 'token-wrong-audience')?.likelihood).toBe('low');
    expect(looksRight.evidence.at(-1)).toBe(
      `Access token: for https://outlook.office.com, permissions IMAP.AccessAsUser.All, account imap@c.example, valid until ${base.expiresAt}`,
    );
  });

  it('leaves the catalogue ranking alone for opaque tokens and other results', () => {
    const opaque = { audience: null, scopes: [], user: null, expiresAt: null };
    expect(refineTokenDiagnosis(card, opaque, 'imap@c.example', 'en', now).causes.map((c) => c.id)).toEqual(
      card.causes.map((c) => c.id),
    );
    const ok = diagnose(report('OK'), { language: 'en', now });
    expect(refineTokenDiagnosis(ok, base, 'x@y.example', 'en', now)).toBe(ok);
  });
});
