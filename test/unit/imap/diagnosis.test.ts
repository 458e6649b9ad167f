import { DIAGNOSES, duplicateDiagnosisCodes } from '@shared/diagnosis/catalog';
import { diagnose, permanentVerdict, securityDefaultsWeight } from '@shared/diagnosis/diagnose';
import { inputReasonKey } from '@shared/diagnosis/labels';
import { PROBE_CODES } from '@shared/probe/codes';
import type { ProbeReport } from '@shared/probe/report';
import type { InputReason } from '@shared/probe/settings';
import { translator } from '@shared/text/translator';
import { authFailed, report } from '@test/fixtures/probe-reports';
import { describe, expect, it } from 'vitest';

const now = new Date('2026-11-24T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

/** Every text key the diagnosis data names, however deep (titles, meanings, causes, actions, variants). */
function allKeys(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && value.startsWith('diagnosis:')) out.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) allKeys(child, out);
  return out;
}

// Every reason the input check can give; a reason missing here is missing from this list's type check too.
const INPUT_REASONS = {
  HOST_EMPTY: 1,
  HOST_TOO_LONG: 1,
  HOST_HAS_SCHEME: 1,
  HOST_HAS_PATH: 1,
  HOST_HAS_SPACES: 1,
  HOST_HAS_PORT: 1,
  HOST_IS_EMAIL: 1,
  HOST_ILLEGAL_CHARS: 1,
  HOST_NORMALISED: 1,
  PORT_INVALID: 1,
  PORT_FROM_URL: 1,
  SECURITY_INVALID: 1,
  SECURITY_PLAINTEXT: 1,
  USER_EMPTY: 1,
  USER_TOO_LONG: 1,
  USER_CONTROL_CHARS: 1,
  USER_TRIMMED: 1,
  PASSWORD_EMPTY: 1,
  PASSWORD_TOO_LONG: 1,
  PASSWORD_CONTROL_CHARS: 1,
  TOKEN_EMPTY: 1,
  TOKEN_TOO_LONG: 1,
  TOKEN_INVALID: 1,
  CREDENTIAL_MISSING: 1,
} satisfies Record<InputReason, 1>;

describe('diagnosis catalog', () => {
  it('has exactly one entry per code', () => {
    expect(duplicateDiagnosisCodes()).toEqual([]);
    expect(Object.keys(DIAGNOSES).sort()).toEqual([...PROBE_CODES].sort());
  });

  it('has German and English text for every key it names, different and non-empty', () => {
    const keys = [...new Set(allKeys(DIAGNOSES))];
    expect(keys.length).toBeGreaterThan(150);
    const [de, en] = [translator('de'), translator('en')];
    for (const key of keys) {
      expect(de.has(key) && en.has(key), key).toBe(true);
      if (!de.has(key) || !en.has(key)) continue;
      expect(de.t(key).trim().length, key).toBeGreaterThan(1);
      expect(en.t(key).trim().length, key).toBeGreaterThan(1);
    }
    expect(keys.filter((k) => de.has(k) && en.has(k) && de.t(k) === en.t(k) && de.t(k).length > 20)).toEqual([]);
  });

  it('gives every failure code a title, a meaning, causes and actions', () => {
    for (const code of PROBE_CODES) {
      const e = DIAGNOSES[code];
      expect(e.title && e.meaning).toBeTruthy();
      if (code !== 'OK' && code !== 'CANCELLED') expect(e.causes.length, code).toBeGreaterThan(0);
      expect(e.actions.length, code).toBeGreaterThan(0);
    }
  });

  it('has text for every input reason', () => {
    for (const language of ['de', 'en'] as const) {
      for (const reason of Object.keys(INPUT_REASONS) as InputReason[])
        expect(translator(language).has(inputReasonKey(reason)), reason).toBe(true);
    }
  });

  it('fills every placeholder for every code and stage in both languages', () => {
    for (const code of PROBE_CODES) {
      for (const language of ['de', 'en'] as const) {
        const card = diagnose(report(code, 'auth'), { language, now });
        const text = [
          card.title,
          card.meaning,
          ...card.causes.map((c) => c.text),
          ...card.actions.map((a) => a.text),
        ].join('\n');
        expect(text, `${code}/${language}`).not.toMatch(/\{\{?\s*\w+\s*\}\}?/);
      }
    }
  });
});

describe('AUTH_FAILED against Exchange Online with a password', () => {
  const ids = (confirmedAt?: string) =>
    diagnose(authFailed(), {
      language: 'en',
      now,
      ...(confirmedAt ? { securityDefaultsConfirmedAt: confirmedAt } : {}),
    }).causes.map((c) => c.id);

  it('leads with the permanent switch-off of basic auth, then the app-password typo', () => {
    expect(ids().slice(0, 2)).toEqual(['basic-auth-off', 'app-password-typo']);
    const card = diagnose(authFailed(), { language: 'de', now });
    expect(card.causes[0]).toMatchObject({ likelihood: 'high' });
    expect(card.causes[0]?.text).toContain('App-Kennwort');
    expect(card.meaning).toContain('NO AUTHENTICATE failed.');
  });

  it('ranks the security-defaults propagation by the hours since step 1 was confirmed', () => {
    expect(ids(hoursAgo(0.5))).toEqual([
      'basic-auth-off',
      'app-password-typo',
      'security-defaults-pending',
      'imap-disabled-for-mailbox',
      'no-mailbox-or-licence',
    ]);
    expect(ids(hoursAgo(12))).toEqual([
      'basic-auth-off',
      'app-password-typo',
      'imap-disabled-for-mailbox',
      'security-defaults-pending',
      'no-mailbox-or-licence',
    ]);
    expect(ids(hoursAgo(48))).toEqual([
      'basic-auth-off',
      'app-password-typo',
      'imap-disabled-for-mailbox',
      'no-mailbox-or-licence',
      'security-defaults-pending',
    ]);
    expect(ids()).toEqual([
      'basic-auth-off',
      'app-password-typo',
      'security-defaults-pending',
      'imap-disabled-for-mailbox',
      'no-mailbox-or-licence',
    ]);
    expect(securityDefaultsWeight(0.2)).toBeGreaterThan(securityDefaultsWeight(3));
    expect(securityDefaultsWeight(3)).toBeGreaterThan(securityDefaultsWeight(30));
  });

  it('says how long ago the step was confirmed', () => {
    const de = diagnose(authFailed(), { language: 'de', now, securityDefaultsConfirmedAt: hoursAgo(0.75) });
    expect(de.causes.find((c) => c.id === 'security-defaults-pending')?.text).toContain('bestätigt vor 45 Minuten');
    const en = diagnose(authFailed(), { language: 'en', now, securityDefaultsConfirmedAt: hoursAgo(5) });
    expect(en.causes.find((c) => c.id === 'security-defaults-pending')?.text).toContain('confirmed 5 hours ago');
    const justNow = new Date(now.getTime() - 1_000);
    expect(
      diagnose(authFailed(), { language: 'de', now, securityDefaultsConfirmedAt: justNow }).causes.find(
        (c) => c.id === 'security-defaults-pending',
      )?.text,
    ).toContain('vor 1 Sekunde)');
    expect(
      diagnose(authFailed(), { language: 'en', now, securityDefaultsConfirmedAt: justNow }).causes.find(
        (c) => c.id === 'security-defaults-pending',
      )?.text,
    ).toContain('1 second ago');
  });

  it('tells one story: the permanent cause first, nothing else rated likely, and the one action that helps', () => {
    for (const language of ['de', 'en'] as const) {
      for (const confirmedAt of [undefined, hoursAgo(0.1), hoursAgo(48)]) {
        const card = diagnose(authFailed(), {
          language,
          now,
          ...(confirmedAt ? { securityDefaultsConfirmedAt: confirmedAt } : {}),
        });
        expect(card.causes[0]).toMatchObject({ id: 'basic-auth-off', likelihood: 'high' });
        expect(card.causes.slice(1).map((c) => c.likelihood)).toEqual(card.causes.slice(1).map(() => 'low'));
        expect(card.actions.map((a) => a.id)).toEqual(['switch-to-oauth']);
      }
    }
    expect(diagnose(authFailed(), { language: 'de', now }).title).toBe(
      'Exchange Online nimmt keine Anmeldung mit Kennwort an',
    );
    expect(permanentVerdict(authFailed())).toBe(true);
  });

  it('recognises Exchange Online from the host when no greeting was heard', () => {
    const card = diagnose(authFailed({ product: 'unknown' }), { language: 'en', now });
    expect(card.product).toBe('exchange-online');
    expect(card.causes[0]?.id).toBe('basic-auth-off');
  });
});

describe('other variants', () => {
  it('uses token causes for a refused XOAUTH2 login', () => {
    const card = diagnose(authFailed({ credential: 'xoauth2' }), { language: 'en', now });
    expect(card.causes.map((c) => c.id)).toEqual([
      'token-wrong-audience',
      'consent-missing',
      'imap-disabled-for-mailbox',
      'imap-off-by-mailbox-plan',
      'user-not-mailbox',
      'token-expired',
      'modern-auth-blocked-imap',
      'exchange-app-sign-in-disabled',
    ]);
  });

  it('uses the generic password causes for other servers', () => {
    const card = diagnose(authFailed({ product: 'dovecot', host: 'mail.example.test' }), { language: 'en', now });
    expect(card.causes[0]?.id).toBe('wrong-password');
    expect(card.causes.map((c) => c.id)).not.toContain('basic-auth-off');
    expect(permanentVerdict(authFailed({ product: 'dovecot', host: 'mail.example.test' }))).toBe(false);
  });

  it('calls no other verdict permanent', () => {
    expect(permanentVerdict(authFailed({ credential: 'xoauth2' }))).toBe(false);
    for (const code of PROBE_CODES) {
      if (code !== 'AUTH_FAILED')
        expect(permanentVerdict(report(code, 'auth', { product: 'exchange-online' }))).toBe(false);
    }
  });

  it('names the issuer and the inspection product for an untrusted chain', () => {
    const tls: ProbeReport['tls'] = {
      starttls: false,
      verdict: 'untrusted',
      authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
      chain: [],
      inspection: { suspected: true, issuer: 'Fortinet', product: 'Fortinet' },
    };
    const card = diagnose(report('TLS_UNTRUSTED', 'tls', { tls }), { language: 'en', now });
    expect(card.title).toContain('TLS inspection');
    expect(card.meaning).toContain('"Fortinet"');
    expect(card.meaning).toContain('(Fortinet)');
    expect(card.causes[0]?.id).toBe('tls-inspection');
  });

  it('formats the throttling back-off', () => {
    const r = report('AUTH_THROTTLED', 'auth', {
      stages: [
        {
          stage: 'auth',
          status: 'failed',
          ms: 5,
          details: { mechanism: 'PLAIN', response: 'NO Request is throttled.', backoffMs: 300_000 },
        },
      ],
    });
    expect(diagnose(r, { language: 'de', now }).actions[0]?.text).toContain('5 Minuten');
  });
});
