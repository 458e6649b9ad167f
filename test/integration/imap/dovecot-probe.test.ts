/**
 * The probe against a real Dovecot: success, wrong password, awkward characters in user names and passwords
 * (SASL PLAIN and LOGIN with quoting/literals), STARTTLS on a second port, network-only.
 */
import { diagnose } from '@shared/diagnosis/diagnose';
import { stageOf } from '@shared/probe/report';
import { type DovecotServer, startDovecot } from '@test/fixtures/dovecot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { baseInput, CANARY, expectBackTo, expectNoSecret, openResources, timedProbe } from './probe-kit';

const ANNA = 'anna@contoso.example';
const SPECIAL = [
  { name: 'jürgen.müller@contoso.example', password: 'Grüße-ÄÖÜß-€-😀' },
  { name: 'o"hara\\back{3}@contoso.example', password: 'q"uo\\te{5}}{' },
  { name: 'Brace {12} Space', password: ' lead and trail spaces ' },
];

let dovecot: DovecotServer;

beforeAll(async () => {
  dovecot = await startDovecot({
    users: [
      { name: ANNA, password: CANARY, messages: ['Subject: one\n\nfirst\n', 'Subject: two\n\nsecond\n'] },
      ...SPECIAL,
    ],
    starttls: true,
  });
});

afterAll(async () => {
  await dovecot?.stop();
});

const options = (extra = {}) => ({ ca: [dovecot.ca], deadlineMs: 5000, ...extra });

describe('real Dovecot', () => {
  it('OK: logs in with PLAIN + SASL-IR and counts INBOX', async () => {
    const baseline = openResources();
    const { report, elapsedMs } = await timedProbe(baseInput(dovecot.imapsPort), options());
    expect(report).toMatchObject({ ok: true, code: 'OK', stage: 'mailbox', server: { product: 'dovecot' } });
    expect(stageOf(report, 'capabilities')?.details?.source).toBe('greeting');
    expect(stageOf(report, 'auth')?.details?.mechanism).toBe('PLAIN');
    expect(stageOf(report, 'mailbox')?.details?.messages).toBe(2);
    expect(report.tls).toMatchObject({ verdict: 'trusted', protocol: 'TLSv1.3', starttls: false });
    expect(elapsedMs).toBeLessThan(5000);
    expectNoSecret(JSON.stringify(report), ANNA);
    await expectBackTo(baseline);
  });

  it('AUTH_FAILED: wrong password, exactly one attempt', async () => {
    const baseline = openResources();
    const { report } = await timedProbe(
      baseInput(dovecot.imapsPort, { credential: { kind: 'password', password: `${CANARY}-wrong` } }),
      options(),
    );
    expect(report).toMatchObject({ ok: false, code: 'AUTH_FAILED', stage: 'auth' });
    expect(stageOf(report, 'auth')?.details).toMatchObject({ responseCode: 'AUTHENTICATIONFAILED' });
    expect(report.transcript.filter((t) => t.dir === 'client' && /AUTHENTICATE|LOGIN/.test(t.line))).toHaveLength(1);
    expect(report.transcript.filter((t) => t.dir === 'client').at(-1)?.line).toBe('A2 LOGOUT');
    expectNoSecret(JSON.stringify(report), ANNA);
    await expectBackTo(baseline);
    // Dovecot tells a client that logged out ("Aborted login by logging out") from one that just hung up
    // ("Connection closed").
    const log = await dovecot.logMatching(/auth failed, 1 attempts/);
    expect(log).toMatch(/Aborted login by logging out \(auth failed, 1 attempts/);
    expect(log).not.toMatch(/Connection closed \(auth failed/);
  });

  for (const mechanism of ['plain', 'login'] as const) {
    it.each(SPECIAL)(`OK with ${mechanism.toUpperCase()}: user $name`, async (user) => {
      const { report } = await timedProbe(
        baseInput(dovecot.imapsPort, { user: user.name, credential: { kind: 'password', password: user.password } }),
        options({ authMechanism: mechanism }),
      );
      expect({ code: report.code, mechanism: stageOf(report, 'auth')?.details?.mechanism }).toEqual({
        code: 'OK',
        mechanism: mechanism.toUpperCase(),
      });
      expectNoSecret(JSON.stringify(report), user.name, user.password);
    });
  }

  it('a special-character password that is wrong is refused, not mangled into success', async () => {
    const special = SPECIAL[1]!;
    const { report } = await timedProbe(
      baseInput(dovecot.imapsPort, {
        user: special.name,
        credential: { kind: 'password', password: special.password.replace('\\', '') },
      }),
      options({ authMechanism: 'login' }),
    );
    expect(report.code).toBe('AUTH_FAILED');
  });

  it('OK over STARTTLS on the second port', async () => {
    const baseline = openResources();
    const { report } = await timedProbe(baseInput(dovecot.imapPort!, { security: 'starttls' }), options());
    expect(report).toMatchObject({ ok: true, code: 'OK', stage: 'mailbox' });
    expect(report.tls?.starttls).toBe(true);
    expect(stageOf(report, 'greeting')?.details?.plaintext).toBe(true);
    expect(report.transcript.filter((t) => t.dir === 'client').map((t) => t.line.split(' ')[1])).toEqual([
      'STARTTLS',
      'CAPABILITY',
      'AUTHENTICATE',
      'STATUS',
      'LOGOUT',
    ]);
    expectNoSecret(JSON.stringify(report), ANNA);
    await expectBackTo(baseline);
  });

  it('STARTTLS selected against the implicit-TLS port: closed before greeting, diagnosed as wrong security', async () => {
    const { report } = await timedProbe(
      baseInput(dovecot.imapsPort, { security: 'starttls' }),
      options({ deadlineMs: 1500 }),
    );
    expect({ code: report.code, stage: report.stage }).toEqual({ code: 'CONNECTION_LOST', stage: 'greeting' });
    expect(report.transcript.filter((t) => t.dir === 'client').map((t) => t.line)).toEqual(['A1 CAPABILITY']);
    expect(diagnose(report, { language: 'en', now: new Date() }).causes[0]?.id).toBe('wrong-security-mode');
  });

  it('network-only: up to the capabilities, no login', async () => {
    const { report } = await timedProbe(
      baseInput(dovecot.imapsPort, { networkOnly: true, credential: undefined }),
      options(),
    );
    expect(report).toMatchObject({ ok: true, code: 'OK', stage: 'capabilities' });
    expect(report.server.capabilities).toContain('AUTH=PLAIN');
    expect(stageOf(report, 'auth')?.status).toBe('skipped');
  });
});
