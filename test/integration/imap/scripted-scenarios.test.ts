/**
 * The probe against an in-process scripted IMAP server: everything Dovecot cannot be made to do. Every scenario
 * asserts the code, the deciding stage and the time bound (report by deadline + 0.5 s), that the canary secret
 * appears nowhere in the report, and that no socket or timer is left afterwards.
 */
import https from 'node:https';
import type net from 'node:net';

import { diagnose } from '@shared/diagnosis/diagnose';
import { stageOf } from '@shared/probe/report';
import {
  EXCHANGE_AUTH_REFUSED,
  EXCHANGE_CAPABILITIES,
  EXCHANGE_GREETING,
  EXCHANGE_NOT_CONNECTED,
  EXCHANGE_THROTTLED,
  imapResponder,
} from '@test/fixtures/imap-responder';
import { describe, expect, it } from 'vitest';

import { baseInput, CANARY, expectNoSecret, timedProbe } from './probe-kit';
import { commandsOf, exchange, pki, runScenario, SHORT, SLACK, useScenarioWorld } from './scenario-kit';

useScenarioWorld();

describe('Exchange-like server', () => {
  it('OK: greeting without capabilities, PLAIN with SASL-IR, INBOX count', () =>
    runScenario({
      script: exchange(),
      code: 'OK',
      stage: 'mailbox',
      check: (report, server) => {
        expect(report.server.product).toBe('exchange-online');
        expect(stageOf(report, 'capabilities')?.details?.source).toBe('command');
        expect(stageOf(report, 'auth')?.details?.mechanism).toBe('PLAIN');
        expect(stageOf(report, 'mailbox')?.details?.messages).toBe(7);
        expect(commandsOf(server)).toEqual(['CAPABILITY', 'AUTHENTICATE', 'STATUS', 'LOGOUT']);
        expect(report.transcript.some((t) => t.dir === 'client' && t.line === 'A2 AUTHENTICATE PLAIN ****')).toBe(true);
      },
    }));

  it('AUTH_FAILED: "NO AUTHENTICATE failed." — one attempt, no retry', () =>
    runScenario({
      script: exchange({ auth: EXCHANGE_AUTH_REFUSED }),
      code: 'AUTH_FAILED',
      stage: 'auth',
      check: (report, server) => {
        expect(commandsOf(server).filter((c) => c === 'AUTHENTICATE' || c === 'LOGIN')).toHaveLength(1);
        // The session the server still holds is ended with LOGOUT, not just dropped.
        expect(commandsOf(server)).toEqual(['CAPABILITY', 'AUTHENTICATE', 'LOGOUT']);
        expect(stageOf(report, 'auth')?.details?.response).toBe('NO AUTHENTICATE failed.');
        const card = diagnose(report, { language: 'en', now: new Date() });
        expect(card.causes[0]?.id).toBe('basic-auth-off');
      },
    }));

  it('MAILBOX_NOT_CONNECTED: login accepted, "BAD User is authenticated but not connected."', () =>
    runScenario({
      script: exchange({ status: EXCHANGE_NOT_CONNECTED }),
      code: 'MAILBOX_NOT_CONNECTED',
      stage: 'mailbox',
    }));

  it('AUTH_THROTTLED: BAD with the backoff time, then BYE', () =>
    runScenario({
      script: exchange({ auth: EXCHANGE_THROTTLED }),
      code: 'AUTH_THROTTLED',
      stage: 'auth',
      check: (report) => expect(stageOf(report, 'auth')?.details?.backoffMs).toBe(89_117),
    }));

  it('SERVER_UNAVAILABLE: [UNAVAILABLE] on login', () =>
    runScenario({
      // The response code and its example text from RFC 5530 §3.
      script: exchange({ auth: ["{tag} NO [UNAVAILABLE] User's backend down for maintenance"] }),
      code: 'SERVER_UNAVAILABLE',
      stage: 'auth',
    }));

  it('AUTH_FAILED with XOAUTH2: the error challenge is answered with an empty line and decoded', () =>
    runScenario({
      script: async (conn) => {
        conn.send(EXCHANGE_GREETING);
        for (;;) {
          const cmd = await conn.nextCommand();
          if (cmd.name === 'CAPABILITY') {
            conn.send(`* CAPABILITY ${EXCHANGE_CAPABILITIES}`);
            conn.send(`${cmd.tag} OK done`);
          }
          if (cmd.name === 'AUTHENTICATE') {
            conn.send(`+ ${Buffer.from('{"status":"401","schemes":"bearer"}').toString('base64')}`);
            const answer = await conn.nextLine();
            conn.send(`${cmd.tag} NO ${answer === '' ? 'AUTHENTICATE failed.' : 'protocol violation'}`);
          }
        }
      },
      input: { credential: { kind: 'xoauth2', accessToken: 'CANARY-token' } },
      code: 'AUTH_FAILED',
      stage: 'auth',
      check: (report, server) => {
        const auth = stageOf(report, 'auth')?.details;
        expect(auth).toMatchObject({
          mechanism: 'XOAUTH2',
          response: 'NO AUTHENTICATE failed.',
          saslError: '{"status":"401","schemes":"bearer"}',
        });
        const ir = server.received[0]?.find((l) => l.includes('AUTHENTICATE XOAUTH2'))?.split(' ')[3] ?? '';
        expect(Buffer.from(ir, 'base64').toString()).toBe(
          'user=anna@contoso.example\x01auth=Bearer CANARY-token\x01\x01',
        );
        expectNoSecret(JSON.stringify(report), 'anna@contoso.example', 'CANARY-token');
        expect(diagnose(report, { language: 'de', now: new Date() }).causes[0]?.id).toBe('token-wrong-audience');
      },
    }));
});

describe('what answers on the port', () => {
  it('SERVER_BYE: BYE instead of a greeting', () =>
    runScenario({
      script: imapResponder({ greeting: '* BYE Too many connections from your IP.' }),
      code: 'SERVER_BYE',
      stage: 'greeting',
    }));

  it('SERVER_UNAVAILABLE: BYE [UNAVAILABLE] instead of a greeting', () =>
    runScenario({
      script: imapResponder({ greeting: '* BYE [UNAVAILABLE] Shutting down.' }),
      code: 'SERVER_UNAVAILABLE',
      stage: 'greeting',
    }));

  it('NOT_IMAP: an SMTP banner', () =>
    runScenario({
      script: (conn) => conn.send('220 mx.example.test ESMTP Postfix'),
      code: 'NOT_IMAP',
      stage: 'greeting',
      check: (report) => expect(stageOf(report, 'greeting')?.details?.looksLike).toBe('smtp'),
    }));

  it('NOT_IMAP: a real HTTPS server, found by the nudge after silence', async () => {
    const web = https.createServer({ key: pki.valid.key, cert: pki.valid.cert }, (_req, res) => res.end('hello'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    try {
      const { port } = web.address() as net.AddressInfo;
      const { report, elapsedMs } = await timedProbe(baseInput(port), { ca: [pki.ca.cert], deadlineMs: 3000 });
      expect({ code: report.code, stage: report.stage }).toEqual({ code: 'NOT_IMAP', stage: 'greeting' });
      expect(stageOf(report, 'greeting')?.details).toMatchObject({ looksLike: 'http' });
      expect(elapsedMs).toBeLessThan(3000 + SLACK);
      expectNoSecret(JSON.stringify(report));
    } finally {
      web.closeAllConnections();
      await new Promise((r) => web.close(r));
    }
  });

  it('TLS_HANDSHAKE_FAILED: plain IMAP on the implicit-TLS port', () =>
    runScenario({ tls: () => undefined, script: imapResponder(), code: 'TLS_HANDSHAKE_FAILED', stage: 'tls' }));

  it('TIMEOUT at tls: a plain server that never speaks', () =>
    runScenario({ tls: () => undefined, script: () => {}, deadlineMs: SHORT, code: 'TIMEOUT', stage: 'tls' }));
});

describe('silence, trickle, endless line, dropped connection', () => {
  it('GREETING_TIMEOUT: TLS up, then silence', () =>
    runScenario({
      script: imapResponder({ greeting: 'silent' }),
      deadlineMs: SHORT,
      code: 'GREETING_TIMEOUT',
      stage: 'greeting',
    }));

  it('GREETING_TIMEOUT: greeting trickles one byte every 100 ms', () =>
    runScenario({
      script: (conn) => conn.trickle('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] slow server ready\r\n', 100),
      deadlineMs: SHORT,
      code: 'GREETING_TIMEOUT',
      stage: 'greeting',
      check: (_report, server) => expect(server.received[0]).toEqual([]),
    }));

  it('NOT_IMAP: endless greeting line is cut at 64 KiB', () =>
    runScenario({ script: (conn) => conn.endless(), code: 'NOT_IMAP', stage: 'greeting' }));

  it('NOT_IMAP: endless CAPABILITY response', () =>
    runScenario({
      script: async (conn) => {
        conn.send(EXCHANGE_GREETING);
        await conn.nextCommand();
        conn.sendRaw('* CAPABILITY ');
        conn.endless('IMAP4rev1 '.repeat(400));
      },
      code: 'NOT_IMAP',
      stage: 'capabilities',
    }));

  it('TIMEOUT: no answer to CAPABILITY', () =>
    runScenario({
      script: (conn) => conn.send(EXCHANGE_GREETING),
      deadlineMs: SHORT,
      code: 'TIMEOUT',
      stage: 'capabilities',
    }));

  it('TIMEOUT: no answer to AUTHENTICATE', () =>
    runScenario({ script: exchange({ auth: 'silent' }), deadlineMs: SHORT, code: 'TIMEOUT', stage: 'auth' }));

  it('TIMEOUT: no answer to STATUS', () =>
    runScenario({ script: exchange({ status: 'silent' }), deadlineMs: SHORT, code: 'TIMEOUT', stage: 'mailbox' }));

  it('CONNECTION_LOST: dropped right after the login', () =>
    runScenario({ script: exchange({ status: 'drop' }), code: 'CONNECTION_LOST', stage: 'mailbox' }));

  it('CONNECTION_LOST: dropped instead of a greeting', () =>
    runScenario({ script: imapResponder({ greeting: 'drop' }), code: 'CONNECTION_LOST', stage: 'greeting' }));

  it('SERVER_BYE: BYE and close while logging in', () =>
    runScenario({ script: exchange({ auth: ['* BYE Internal error.'] }), code: 'SERVER_BYE', stage: 'auth' }));
});

describe('login variants', () => {
  it('LOGIN with a synchronising literal when there is neither SASL-IR nor LITERAL+', () =>
    runScenario({
      script: async (conn) => {
        conn.send('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] old server');
        const login = await conn.nextCommand();
        const size = Number(/\{(\d+)\}$/.exec(login.raw)?.[1]);
        conn.send('+ go ahead');
        const rest = await conn.nextLine();
        const password = Buffer.from(rest, 'utf8');
        conn.send(`${login.tag} ${password.length === size && rest === CANARY ? 'OK' : 'NO'} LOGIN done`);
        const status = await conn.nextCommand();
        conn.send('* STATUS INBOX (MESSAGES 2)');
        conn.send(`${status.tag} OK done`);
      },
      code: 'OK',
      stage: 'mailbox',
      check: (report, server) => {
        expect(stageOf(report, 'auth')?.details?.mechanism).toBe('LOGIN');
        expect(server.received[0]?.[0]).toMatch(/^A1 LOGIN "anna@contoso.example" \{\d+\}$/);
      },
    }));

  it('AUTH_MECHANISM_UNSUPPORTED: no PLAIN, LOGINDISABLED — no attempt made', () =>
    runScenario({
      script: imapResponder({ capabilities: 'IMAP4rev1 LOGINDISABLED AUTH=GSSAPI' }),
      code: 'AUTH_MECHANISM_UNSUPPORTED',
      stage: 'auth',
      check: (_report, server) => expect(commandsOf(server)).not.toContain('LOGIN'),
    }));

  it('OK: a slow greeting after the nudge is still understood', () =>
    runScenario({
      script: async (conn) => {
        const nudge = await conn.nextCommand();
        conn.send(EXCHANGE_GREETING);
        conn.send(`* CAPABILITY ${EXCHANGE_CAPABILITIES}`);
        conn.send(`${nudge.tag} OK CAPABILITY completed.`);
        await exchange({ greeting: 'silent' })(conn);
        for (;;) {
          const cmd = await conn.nextCommand();
          if (cmd.name === 'AUTHENTICATE') conn.send(`${cmd.tag} OK done`);
          if (cmd.name === 'STATUS') {
            conn.send('* STATUS INBOX (MESSAGES 1)');
            conn.send(`${cmd.tag} OK done`);
          }
        }
      },
      deadlineMs: 3000,
      code: 'OK',
      stage: 'mailbox',
      check: (_report, server) =>
        expect(commandsOf(server)).toEqual(['CAPABILITY', 'AUTHENTICATE', 'STATUS', 'LOGOUT']),
    }));

  it('network-only: stops after the capabilities, no credential needed', () =>
    runScenario({
      script: exchange(),
      input: { networkOnly: true, credential: undefined },
      code: 'OK',
      stage: 'capabilities',
      check: (report, server) => {
        expect(commandsOf(server)).toEqual(['CAPABILITY', 'LOGOUT']);
        expect(report.stages.slice(6).map((s) => s.status)).toEqual(['skipped', 'skipped']);
      },
    }));
});
