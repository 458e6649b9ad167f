/**
 * The bridge against an Exchange-Online-like scripted upstream, with the greeting and answers copied from public
 * client logs (DOMAIN.md §4): no capabilities in the greeting, throttling with "Suggested Backoff Time",
 * [UNAVAILABLE], "User is authenticated but not connected", BYE in the middle of a session — plus an upstream that
 * is down, untrusted, or silent. Each failure reaches the client as a clear NO with the diagnosis code and is
 * recorded in the status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestPki, type TestPki } from '../../fixtures/certs';
import { freePort } from '../../fixtures/dovecot';
import { type RawImap, rawImap } from '../../fixtures/imap-raw-client';
import { EXCHANGE_CAPABILITIES } from '../../fixtures/imap-responder';
import type { OidcProvider } from '../../fixtures/oidc-provider';
import { startOidcProvider } from '../../fixtures/oidc-provider';
import { type KeyAndCert, type Script, type ScriptedServer, startScriptedImap } from '../../fixtures/scripted-imap';
import {
  accountConfig,
  bridgeConfig,
  keychainStore,
  memorySlot,
  PASSWORD,
  type RunningBridge,
  signIn,
  startBridge,
  USER,
} from './bridge-kit';

/** Exchange Online's greeting from a public email-oauth2-proxy issue log (2023). */
const REAL_GREETING =
  '* OK The Microsoft Exchange IMAP4 service is ready. [WgBSADAAUAAyADcAOABDAEEAMAAxADQAMQAuAEMASABFAFAAMgA3ADgALgBQAFIATwBEAC4ATwBVAFQATABPAE8ASwAuAEMATwBNAA==]';

interface ExchangeOptions {
  greeting?: string | 'silent';
  /** Lines answering AUTHENTICATE; `{tag}` is replaced. */
  auth?: string[];
  /** After login: per command name, the lines to answer (`{tag}` replaced) or 'bye' (BYE, then close). */
  after?: Record<string, string[] | 'bye'>;
}

function exchange(o: ExchangeOptions = {}): Script {
  return async (conn) => {
    if (o.greeting === 'silent') return;
    conn.send(o.greeting ?? REAL_GREETING);
    let loggedIn = false;
    for (;;) {
      const cmd = await conn.nextCommand();
      const reply = (lines: string[]) => lines.forEach((l) => conn.send(l.replaceAll('{tag}', cmd.tag)));
      if (cmd.name === 'CAPABILITY') {
        reply([`* CAPABILITY ${EXCHANGE_CAPABILITIES}`, '{tag} OK CAPABILITY completed.']);
      } else if (cmd.name === 'AUTHENTICATE') {
        const lines = o.auth ?? ['{tag} OK AUTHENTICATE completed.'];
        reply(lines);
        loggedIn = lines.some((l) => l.startsWith('{tag} OK'));
        if (lines.some((l) => l.startsWith('* BYE'))) return conn.end();
      } else if (cmd.name === 'LOGOUT') {
        reply(['* BYE Microsoft Exchange Server IMAP4 server signing off.', '{tag} OK LOGOUT completed.']);
        return conn.end();
      } else if (loggedIn && o.after?.[cmd.name] === 'bye') {
        conn.send('* BYE Connection closed. 14');
        return conn.end();
      } else if (loggedIn && o.after?.[cmd.name]) {
        reply(o.after[cmd.name] as string[]);
      } else if (loggedIn && cmd.name === 'NOOP') {
        reply(['{tag} OK NOOP completed.']);
      } else {
        reply(['{tag} BAD Command Error. 12']);
      }
    }
  };
}

let pki: TestPki;
let idp: OidcProvider;
let cache: string;
const servers: ScriptedServer[] = [];
const bridges: RunningBridge[] = [];
const opened: RawImap[] = [];

beforeAll(async () => {
  pki = await createTestPki();
  idp = await startOidcProvider({ users: [{ username: USER }], pki });
  cache = (await signIn(idp)).cache;
});

afterAll(async () => {
  for (const c of opened) c.close();
  for (const b of bridges) await b.stop();
  for (const s of servers) await s.close();
  await idp?.stop();
  await pki?.dispose();
});

async function scenario(
  script: Script,
  opts: { tls?: KeyAndCert; port?: number; stageTimeouts?: { greeting: number } } = {},
) {
  const server = opts.port ? undefined : await startScriptedImap({ tls: opts.tls ?? pki.valid, script });
  if (server) servers.push(server);
  const b = await startBridge(
    await bridgeConfig(await accountConfig(idp, opts.port ?? server!.port)),
    keychainStore(memorySlot(cache)),
    {
      idp,
      ca: pki.ca.cert,
      ...(opts.stageTimeouts ? { stageTimeouts: opts.stageTimeouts } : {}),
    },
  );
  bridges.push(b);
  const login = async (tag = 'a1') => {
    const c = await rawImap({ port: b.port });
    opened.push(c);
    await c.line();
    return { c, reply: (await c.command(`${tag} LOGIN ${USER} ${PASSWORD}`, 15_000)).tagged };
  };
  return { server, b, login, account: () => b.bridge.status().accounts[0]! };
}

describe('Exchange Online shapes', () => {
  it('greeting without capabilities: CAPABILITY, XOAUTH2 with SASL-IR, capabilities asked again after login', async () => {
    const { server, login, account } = await scenario(exchange());
    const { c, reply } = await login();
    expect(reply).toBe(
      'a1 OK [CAPABILITY IMAP4 IMAP4rev1 UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+] Logged in through the bridge.',
    );
    expect((await c.command('a2 NOOP')).tagged).toBe('a2 OK NOOP completed.');
    const commands = server!.received.flatMap((conn) => conn.map((l) => l.split(' ').slice(1, 3).join(' ')));
    expect(commands.slice(0, 3)).toEqual(['CAPABILITY', 'AUTHENTICATE XOAUTH2', 'CAPABILITY']);
    const xoauth = Buffer.from(server!.received[0]![1]!.split(' ')[3]!, 'base64').toString();
    expect(xoauth).toMatch(new RegExp(`^user=${USER}\\x01auth=Bearer eyJ[^\\x01]+\\x01\\x01$`));
    expect(account().lastLogin).toMatchObject({ code: 'OK' });
  });

  it('throttling: NO with the suggested wait; until it has passed, logins fail fast without contacting Exchange', async () => {
    const { server, login, account } = await scenario(
      exchange({ auth: ['{tag} NO Request is throttled. Suggested Backoff Time: 89000 milliseconds'] }),
    );
    expect((await login()).reply).toBe(
      `a1 NO [UNAVAILABLE] 127.0.0.1:${server!.port} is throttling logins for ${USER}. Try again in 89 s. (AUTH_THROTTLED)`,
    );
    expect(Date.parse(account().throttledUntil!) - Date.now()).toBeGreaterThan(85_000);
    const accepted = server!.accepted;
    expect((await login('a2')).reply).toMatch(
      /^a2 NO \[UNAVAILABLE\] .*throttling.*Try again in (8[5-9]) s\. \(AUTH_THROTTLED\)$/,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(server!.accepted).toBe(accepted);
    expect(account().lastLogin).toMatchObject({ code: 'AUTH_THROTTLED' });
  });

  it('[UNAVAILABLE] on login → NO [UNAVAILABLE] (SERVER_UNAVAILABLE)', async () => {
    const { login, account } = await scenario(
      exchange({ auth: ['{tag} NO [UNAVAILABLE] Server is temporarily unavailable.'] }),
    );
    expect((await login()).reply).toMatch(
      /^a1 NO \[UNAVAILABLE\] .* is not accepting sessions right now \(SERVER_UNAVAILABLE\)\.$/,
    );
    expect(account().lastLogin).toMatchObject({ code: 'SERVER_UNAVAILABLE' });
  });

  it('token refused ("NO AUTHENTICATE failed." then BYE) → NO [AUTHENTICATIONFAILED] (AUTH_FAILED)', async () => {
    const { login, account } = await scenario(
      exchange({ auth: ['{tag} NO AUTHENTICATE failed.', '* BYE Connection closed.'] }),
    );
    expect((await login()).reply).toMatch(
      /^a1 NO \[AUTHENTICATIONFAILED\] .* refused the OAuth sign-in of imap@contoso\.example \(AUTH_FAILED\)\.$/,
    );
    expect(account().lastLogin).toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('"User is authenticated but not connected": passed through unchanged and recorded as MAILBOX_NOT_CONNECTED', async () => {
    const { login, account } = await scenario(
      exchange({ after: { SELECT: ['{tag} BAD User is authenticated but not connected.'] } }),
    );
    const { c, reply } = await login();
    expect(reply).toMatch(/^a1 OK /);
    expect((await c.command('a2 SELECT INBOX')).tagged).toBe('a2 BAD User is authenticated but not connected.');
    c.send('a3 LOGOUT');
    await c.closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(account().lastLogin).toMatchObject({ code: 'MAILBOX_NOT_CONNECTED' });
  });

  it('BYE in the middle of a session reaches the client and is recorded as SERVER_BYE', async () => {
    const { login, account } = await scenario(exchange({ after: { NOOP: 'bye' } }));
    const { c } = await login();
    c.send('a2 NOOP');
    expect(await c.line()).toBe('* BYE Connection closed. 14');
    await c.closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(account().lastSessionEnd).toMatchObject({
      code: 'SERVER_BYE',
      message: 'The upstream ended the session: * BYE Connection closed. 14',
    });
    expect(account().sessions).toBe(0);
  });
});

describe('upstream faults', () => {
  it('upstream down → NO [UNAVAILABLE] (TCP_REFUSED); the bridge keeps serving', async () => {
    const { login, account } = await scenario(exchange(), { port: await freePort() });
    const { c, reply } = await login();
    expect(reply).toMatch(/^a1 NO \[UNAVAILABLE\] 127\.0\.0\.1:\d+ could not be used \(TCP_REFUSED\)\.$/);
    expect(account().lastLogin).toMatchObject({ code: 'TCP_REFUSED' });
    expect((await c.command('a2 NOOP')).tagged).toBe('a2 OK NOOP completed.');
  });

  it('untrusted upstream certificate → TLS_UNTRUSTED, and not a byte of credentials sent', async () => {
    const { server, login, account } = await scenario(exchange(), { tls: pki.unknownCa });
    expect((await login()).reply).toMatch(
      /^a1 NO \[UNAVAILABLE\] The TLS connection to .* was not trustworthy; nothing was sent \(TLS_UNTRUSTED\)\.$/,
    );
    expect(server!.received.flat()).toEqual([]);
    expect(account().lastLogin?.message).toMatch(/certificate was not accepted/);
  });

  it('silent upstream (TLS, no greeting) → GREETING_TIMEOUT within the stage budget', async () => {
    const { login, account } = await scenario(exchange({ greeting: 'silent' }), { stageTimeouts: { greeting: 1000 } });
    const t = performance.now();
    expect((await login()).reply).toMatch(/\(GREETING_TIMEOUT\)\.$/);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(account().lastLogin).toMatchObject({ code: 'GREETING_TIMEOUT' });
  });
});
