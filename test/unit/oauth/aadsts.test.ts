import {
  diagnoseAadsts,
  diagnoseLocal,
  diagnoseOAuthError,
  extractAadsts,
  isKnownAadsts,
  LOCAL_SIGN_IN_CODES,
  localizeDiagnosis,
  type RegistrationStep,
  type SignInAction,
  type SignInDiagnosis,
} from '@shared/oauth/aadsts';
import { describe, expect, it } from 'vitest';

const de = (d: SignInDiagnosis) => localizeDiagnosis(d, 'de');
const en = (d: SignInDiagnosis) => localizeDiagnosis(d, 'en');

// The codes the issue names, with what the admin must do about each.
const REQUIRED: Array<[number, SignInAction, RegistrationStep | undefined, RegExp]> = [
  [50011, 'fix-registration', 'platform', /Umleitungs-URI/],
  [65001, 'fix-registration', 'permissions', /Administratorzustimmung/],
  [700016, 'fix-registration', 'ids', /Anwendungs-ID/],
  [7000218, 'fix-registration', 'platform', /Öffentliche Clientflows/],
  [50053, 'wait', undefined, /sperrt/],
  [50076, 'sign-in-again', undefined, /zweiten Faktor/],
  [50079, 'sign-in-again', undefined, /einrichten/],
  [90002, 'fix-registration', 'ids', /Verzeichnis-ID/],
  [53003, 'ask-admin', undefined, /bedingten Zugriff/],
];

describe('AADSTS diagnoses', () => {
  it.each(REQUIRED)('AADSTS%i has its own German and English guidance and action', (code, action, step, german) => {
    const d = diagnoseAadsts(code, `AADSTS${code}: something. Trace ID: 1234`);
    expect(d.code).toBe(`AADSTS${code}`);
    expect(d.aadsts).toBe(code);
    expect(d.action).toBe(action);
    expect(d.step).toBe(step);
    expect(de(d).text).toMatch(german);
    expect(en(d).text.length).toBeGreaterThan(60);
    expect(de(d).text).not.toBe(en(d).text);
    expect(d.serverMessage).toBe(`AADSTS${code}: something.`);
  });

  it('gives every required code a distinct title', () => {
    const titles = REQUIRED.map(([c]) => de(diagnoseAadsts(c)).title);
    expect(new Set(titles).size).toBe(REQUIRED.length);
  });

  it.each([70008, 700082, 50173, 50133])(
    'AADSTS%i (refresh token gone) is "sign in again", keeping the number',
    (code) => {
      expect(diagnoseAadsts(code)).toMatchObject({ code: 'REFRESH_EXPIRED', aadsts: code, action: 'sign-in-again' });
    },
  );

  it('unknown codes fall back to a generic diagnosis that still names the code', () => {
    expect(isKnownAadsts(123456)).toBe(false);
    expect(diagnoseAadsts(123456, 'AADSTS123456: odd')).toMatchObject({
      code: 'AADSTS123456',
      action: 'retry',
      serverMessage: 'AADSTS123456: odd',
    });
  });

  it.each([
    ['AADSTS50011: The redirect URI …', 50011],
    ['error: aadsts 65001 blah', 65001],
    ['  7000218 ', 7000218],
    ['Fehler AADSTS53003.', 53003],
    ['no code here', undefined],
    ['1234', undefined],
  ])('extracts the code from %j', (text, code) => {
    expect(extractAadsts(text)).toBe(code);
  });

  it('cancel, window closed and timeout are local diagnoses in both languages', () => {
    for (const code of ['USER_CANCELLED', 'WINDOW_CLOSED', 'TIMEOUT'] as const) {
      const d = diagnoseLocal(code);
      expect(d.code).toBe(code);
      expect(d.aadsts).toBeUndefined();
      expect(de(d).title).not.toBe(en(d).title);
      expect(d.action).toBe('sign-in-again');
    }
    expect(new Set(LOCAL_SIGN_IN_CODES.map((c) => en(diagnoseLocal(c)).title)).size).toBe(LOCAL_SIGN_IN_CODES.length);
  });

  it('reads OAuth error responses: cancel, AADSTS in the description, dead grants', () => {
    expect(diagnoseOAuthError('access_denied', 'AADSTS65004: declined', 'cancel').code).toBe('USER_CANCELLED');
    expect(diagnoseOAuthError('access_denied', 'AADSTS53003: blocked').code).toBe('AADSTS53003');
    expect(diagnoseOAuthError('invalid_grant', 'AADSTS700082: expired').code).toBe('REFRESH_EXPIRED');
    expect(diagnoseOAuthError('invalid_grant').code).toBe('REFRESH_EXPIRED');
    expect(diagnoseOAuthError('server_error', 'boom')).toMatchObject({
      code: 'SIGN_IN_FAILED',
      serverMessage: 'server_error: boom',
    });
  });
});
