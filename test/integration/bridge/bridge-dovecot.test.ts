/**
 * The bridge in front of a real Dovecot that accepts nothing but XOAUTH2 tokens from the local sign-in service:
 * the client's login dialogue in all its forms, the local password and its throttle, tokens that expire, rotate
 * and die (and heal), and the relay carrying real mail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashPassword } from '../../../main/core/bridge/local-password';
import type { BridgeNeedsSignIn } from '../../../main/shared/bridge/status';
import type { DovecotServer } from '../../fixtures/dovecot';
import { type RawImap, rawImap } from '../../fixtures/imap-raw-client';
import type { OidcProvider } from '../../fixtures/oidc-provider';
import {
  accountConfig,
  bridgeConfig,
  CHEAP_SCRYPT,
  keychainStore,
  memorySlot,
  PASSWORD,
  type RunningBridge,
  signIn,
  startBridge,
  startIdpAndDovecot,
  USER,
} from './bridge-kit';

let idp: OidcProvider;
let dovecot: DovecotServer;
let b: RunningBridge;
let slot: ReturnType<typeof memorySlot>;
const opened: RawImap[] = [];

async function client(): Promise<RawImap> {
  const c = await rawImap({ port: b.port });
  opened.push(c);
  expect(await c.line()).toMatch(/^\* OK \[CAPABILITY IMAP4rev1 LITERAL\+ SASL-IR ID AUTH=PLAIN\] /);
  return c;
}

const plain = (user: string, password: string, authz = '') =>
  Buffer.from(`${authz}\0${user}\0${password}`, 'utf8').toString('base64');

beforeAll(async () => {
  ({ idp, dovecot } = await startIdpAndDovecot());
  slot = memorySlot((await signIn(idp)).cache);
  b = await startBridge(await bridgeConfig(await accountConfig(idp, dovecot.imapsPort)), keychainStore(slot), {
    idp,
    ca: dovecot.ca,
  });
});

afterAll(async () => {
  for (const c of opened) c.close();
  await b?.stop();
  await dovecot?.stop();
  await idp?.stop();
});

describe('logging in at the bridge', () => {
  it('LOGIN with the local password opens the real mailbox; the OK carries the upstream capabilities without AUTH=', async () => {
    const c = await client();
    const login = await c.command(`a1 LOGIN ${USER} ${PASSWORD}`);
    expect(login.tagged).toMatch(/^a1 OK \[CAPABILITY IMAP4rev1 .*IDLE.*\] Logged in through the bridge\.$/);
    expect(login.tagged).not.toMatch(/AUTH=|SASL-IR|STARTTLS|LOGINDISABLED/);
    const select = await c.command('a2 SELECT INBOX');
    expect(select.lines).toContain('* 3 EXISTS');
    const fetch = await c.command('a3 FETCH 2 BODY[HEADER.FIELDS (SUBJECT)]');
    expect(fetch.lines.join('\n')).toContain('Subject: Test 2');
    expect((await c.command('a4 LOGOUT')).tagged).toMatch(/^a4 OK/);
    expect(b.bridge.status().accounts[0]).toMatchObject({ refresh: 'ok', lastLogin: { code: 'OK' } });
    expect(Date.parse(b.bridge.status().accounts[0]!.accessTokenExpiresAt!)).toBeGreaterThan(Date.now());
  });

  it('refuses a wrong password with NO [AUTHENTICATIONFAILED] after a delay that grows per address', async () => {
    const c = await client();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      expect((await c.command(`w${i} LOGIN ${USER} wrong-${i}`)).tagged).toBe(
        `w${i} NO [AUTHENTICATIONFAILED] Invalid credentials.`,
      );
      times.push(performance.now() - t);
    }
    // The answer waits 20, 40, 80 ms (on top of the scrypt check): lower bounds hold on any machine.
    const delays = b.logs
      .map((l) => /answer delayed (\d+) ms/.exec(l.message)?.[1])
      .filter(Boolean)
      .slice(-3)
      .map(Number);
    expect(delays).toEqual([20, 40, 80]);
    times.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(delays[i]! - 1));
    expect((await c.command('u1 LOGIN nobody@contoso.example whatever')).tagged).toBe(
      'u1 NO [AUTHENTICATIONFAILED] Invalid credentials.',
    );
    // The same connection may still log in; success clears the address's record.
    expect((await c.command(`ok LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^ok OK /);
    expect(b.logs.some((l) => l.message.includes('unknown user') && !l.message.includes('nobody@'))).toBe(true);
  });

  it('LOGIN with synchronising and non-synchronising literals', async () => {
    const c = await client();
    c.send(`l1 LOGIN {${USER.length}}`);
    expect(await c.line()).toBe('+ Ready for literal data');
    c.sendRaw(`${USER} {${PASSWORD.length}+}\r\n${PASSWORD}\r\n`);
    expect(await c.line()).toMatch(/^l1 OK \[CAPABILITY /);
    expect((await c.command('l2 NOOP')).tagged).toMatch(/^l2 OK/);
  });

  it('non-ASCII passwords arrive intact as UTF-8 literals and in quoted strings', async () => {
    const umlaut = 'Pässwörd-Grüße✓';
    const other = await accountConfig(idp, dovecot.imapsPort, {
      id: 'umlaut',
      mailbox: 'ümlaut@contoso.example',
      passwordHash: await hashPassword(umlaut, CHEAP_SCRYPT),
    });
    b.bridge.reloadAccounts([await accountConfig(idp, dovecot.imapsPort), other]);
    const c = await client();
    // Right password for the umlaut account: the local check passes; the upstream knows no such mailbox user.
    c.send(`n1 LOGIN "ümlaut@contoso.example" {${Buffer.byteLength(umlaut)}}`);
    expect(await c.line()).toBe('+ Ready for literal data');
    c.sendRaw(`${umlaut}\r\n`);
    const first = await c.line();
    expect(first).not.toContain('Invalid credentials');
    expect(first).toMatch(/^n1 NO \[AUTHENTICATIONFAILED\]/);
    expect((await c.command(`n2 LOGIN "ümlaut@contoso.example" "${umlaut.replace('✓', '?')}"`)).tagged).toBe(
      'n2 NO [AUTHENTICATIONFAILED] Invalid credentials.',
    );
    b.bridge.reloadAccounts([await accountConfig(idp, dovecot.imapsPort)]);
  });

  it('AUTHENTICATE PLAIN with an initial response, without one, and cancelled with *', async () => {
    const c = await client();
    expect((await c.command(`p1 AUTHENTICATE PLAIN ${plain(USER, 'wrong')}`)).tagged).toBe(
      'p1 NO [AUTHENTICATIONFAILED] Invalid credentials.',
    );
    c.send('p2 AUTHENTICATE PLAIN');
    expect(await c.line()).toBe('+ ');
    c.send('*');
    expect(await c.line()).toBe('p2 BAD AUTHENTICATE cancelled.');
    c.send('p3 AUTHENTICATE PLAIN');
    expect(await c.line()).toBe('+ ');
    c.send(plain(USER, PASSWORD));
    expect(await c.line()).toMatch(/^p3 OK \[CAPABILITY /);
    const d = await client();
    expect(
      (await d.command(`p4 AUTHENTICATE PLAIN ${plain(USER, PASSWORD, 'someone@contoso.example')}`)).tagged,
    ).toMatch(/^p4 NO \[AUTHORIZATIONFAILED\]/);
    expect((await d.command(`p5 AUTHENTICATE PLAIN ${plain(USER, PASSWORD)}`)).tagged).toMatch(/^p5 OK /);
    expect((await (await client()).command('p6 AUTHENTICATE CRAM-MD5')).tagged).toMatch(
      /^p6 NO Unsupported authentication mechanism/,
    );
  });

  it('serves CAPABILITY, ID, NOOP and LOGOUT itself and answers everything else with BAD', async () => {
    const c = await client();
    expect(await c.command('c1 CAPABILITY')).toEqual({
      lines: ['* CAPABILITY IMAP4rev1 LITERAL+ SASL-IR ID AUTH=PLAIN'],
      tagged: 'c1 OK CAPABILITY completed.',
    });
    expect(await c.command('c2 ID ("name" "agorum core" "version" "11")')).toEqual({
      lines: ['* ID ("name" "Mailadapter Assistant bridge")'],
      tagged: 'c2 OK ID completed.',
    });
    expect((await c.command('c3 ID NIL')).tagged).toBe('c3 OK ID completed.');
    expect((await c.command('c4 NOOP')).tagged).toBe('c4 OK NOOP completed.');
    expect((await c.command('c5 SELECT INBOX')).tagged).toBe('c5 BAD SELECT is not valid before login.');
    expect((await c.command('c6 FROBNICATE')).tagged).toBe('c6 BAD Unknown command.');
    expect((await c.command('c7 STARTTLS')).tagged).toBe('c7 BAD STARTTLS is not offered here.');
    expect((await c.command('c8 LOGIN onlyuser')).tagged).toBe('c8 BAD LOGIN takes a user name and a password.');
    expect((await c.command('c9 CAPABILITY extra')).tagged).toBe('c9 BAD CAPABILITY takes no arguments.');
    c.send('+ nonsense');
    expect(await c.line()).toBe('* BAD Invalid tag.');
    expect(await c.command('c10 LOGOUT')).toEqual({
      lines: ['* BYE Logging out.'],
      tagged: 'c10 OK LOGOUT completed.',
    });
    await c.closed;
  });

  it('passes commands a client pipelined behind its login to the upstream', async () => {
    const c = await client();
    c.sendRaw(`q1 LOGIN ${USER} ${PASSWORD}\r\nq2 SELECT INBOX\r\nq3 LOGOUT\r\n`);
    const seen: string[] = [];
    for (let l = await c.line(); !l.startsWith('q3 '); l = await c.line()) seen.push(l);
    expect(seen[0]).toMatch(/^q1 OK /);
    expect(seen).toContain('* 3 EXISTS');
  });
});

describe('tokens', () => {
  // A bridge of its own whose tokens live 2 s, so expiry is real (Dovecot checks it) and quick.
  let t: RunningBridge;
  let tslot: ReturnType<typeof memorySlot>;
  const tclient = async () => {
    const c = await rawImap({ port: t.port });
    opened.push(c);
    await c.line();
    return c;
  };
  beforeAll(async () => {
    idp.accessTokenTtl = 2;
    tslot = memorySlot((await signIn(idp)).cache);
    t = await startBridge(await bridgeConfig(await accountConfig(idp, dovecot.imapsPort)), keychainStore(tslot), {
      idp,
      ca: dovecot.ca,
    });
  });
  afterAll(async () => {
    idp.accessTokenTtl = 3600;
    await t?.stop();
  });

  it('an expired access token is renewed before the login, the rotated refresh token persisted, old sessions go on', async () => {
    const writesBefore = tslot.writes;
    const refreshes = () => idp.tokenRequests.filter((r) => r.grant === 'refresh_token' && r.status === 200).length;
    const before = refreshes();
    const c = await tclient();
    expect((await c.command(`e1 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^e1 OK /);
    await new Promise((r) => setTimeout(r, 2200));
    // This session's token has expired meanwhile: the session goes on regardless.
    expect((await c.command('e2 SELECT INBOX')).lines).toContain('* 3 EXISTS');
    const d = await tclient();
    expect((await d.command(`e3 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^e3 OK /);
    expect(refreshes()).toBeGreaterThanOrEqual(before + 2);
    expect(tslot.writes).toBeGreaterThan(writesBefore);
    expect(idp.introspections.at(-1)).toMatchObject({ active: true });
    expect(t.bridge.status().accounts[0]).toMatchObject({ refresh: 'ok' });
  });

  it('a revoked refresh token: clear NO, bridgeNeedsSignIn raised, healed by a new sign-in without restart', async () => {
    const events: BridgeNeedsSignIn[] = [];
    const off = t.bridge.on('bridgeNeedsSignIn', (e) => events.push(e));
    try {
      const warmup = await tclient();
      expect((await warmup.command(`r0 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^r0 OK /);
      idp.revokeRefreshTokens();
      const c = await tclient();
      const refused = await c.command(`r1 LOGIN ${USER} ${PASSWORD}`);
      expect(refused.tagged).toMatch(
        /^r1 NO \[AUTHENTICATIONFAILED\] The mailbox imap@contoso.example must sign in again .*\(NEEDS_SIGN_IN, REFRESH_EXPIRED\)\.$/,
      );
      expect(events).toEqual([
        expect.objectContaining({ accountId: 'agorum', mailbox: USER, diagnosisCode: 'REFRESH_EXPIRED' }),
      ]);
      expect(t.bridge.status().accounts[0]).toMatchObject({
        refresh: 'needs-sign-in',
        lastLogin: { code: 'NEEDS_SIGN_IN' },
        refreshProblem: { code: 'REFRESH_EXPIRED' },
      });
      // Still refused, and no second event, until somebody signs in.
      expect((await c.command(`r2 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(
        /^r2 NO \[AUTHENTICATIONFAILED\] .*NEEDS_SIGN_IN/,
      );
      expect(events).toHaveLength(1);
      // The session opened before the revocation keeps working.
      expect((await warmup.command('r3 SELECT INBOX')).lines).toContain('* 3 EXISTS');
      // The mailbox user signs in again (the desktop app writes the new cache to the keychain slot).
      tslot.value = (await signIn(idp)).cache;
      expect((await c.command(`r4 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^r4 OK /);
      expect(t.bridge.status().accounts[0]).toMatchObject({
        refresh: 'ok',
        refreshProblem: null,
        lastLogin: { code: 'OK' },
      });
    } finally {
      off();
    }
  });

  it('renews ahead of expiry: a token with 5½ minutes left is replaced before the next login (MSAL alone would keep it)', async () => {
    idp.accessTokenTtl = 330;
    const early = await startBridge(
      await bridgeConfig(await accountConfig(idp, dovecot.imapsPort)),
      keychainStore(memorySlot((await signIn(idp)).cache)),
      { idp, ca: dovecot.ca },
    );
    try {
      const refreshes = () => idp.tokenRequests.filter((r) => r.grant === 'refresh_token').length;
      const c = await rawImap({ port: early.port });
      opened.push(c);
      await c.line();
      expect((await c.command(`x1 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^x1 OK /);
      const before = refreshes();
      const d = await rawImap({ port: early.port });
      opened.push(d);
      await d.line();
      expect((await d.command(`x3 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^x3 OK /);
      expect(refreshes()).toBe(before + 1);
    } finally {
      idp.accessTokenTtl = 2;
      await early.stop();
    }
  });
});
