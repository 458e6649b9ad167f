/**
 * The probe against an in-process scripted IMAP server: everything Dovecot cannot be made to do. Every scenario
 * asserts the code, the deciding stage and the time bound (report by deadline + 0.5 s), that the canary secret
 * appears nowhere in the report, and that no socket or timer is left afterwards.
 */
import { getEventListeners } from 'node:events';
import https from 'node:https';
import net from 'node:net';

import type { ProbeOptions } from '@core/imap/probe';
import { diagnose } from '@shared/diagnosis/diagnose';
import type { ProbeCode, ProbeStage } from '@shared/probe/codes';
import { type ProbeReport, stageOf } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';
import { type Blackhole, startBlackhole } from '@test/fixtures/blackhole';
import { createTestPki, type IssuedCert, type TestPki } from '@test/fixtures/certs';
import {
  EXCHANGE,
  EXCHANGE_AUTH_REFUSED,
  EXCHANGE_CAPABILITIES,
  EXCHANGE_GREETING,
  EXCHANGE_NOT_CONNECTED,
  EXCHANGE_THROTTLED,
  imapResponder,
} from '@test/fixtures/imap-responder';
import { type KeyAndCert, type Script, type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { baseInput, CANARY, expectBackTo, expectNoSecret, openResources, timedProbe } from './probe-kit';

/** Short overall deadline for the scenarios that wait: keeps the suite fast and still proves the bound. */
const SHORT = 1000;
const SLACK = 500;

let pki: TestPki;
let inspectionLeaf: IssuedCert;
let hole: Blackhole;

beforeAll(async () => {
  pki = await createTestPki();
  const gatewayCa = await pki.createCa('Contoso Gateway Inspection CA', 'Contoso Security Gateway');
  inspectionLeaf = await pki.issue({
    commonName: 'outlook.office365.com',
    altNames: ['DNS:outlook.office365.com'],
    ca: gatewayCa,
  });
  hole = await startBlackhole();
});

afterAll(async () => {
  await hole?.close();
  await pki?.dispose();
});

interface Scenario {
  /** Implicit TLS with this certificate (default: the valid localhost one), or a plain listener. */
  tls?: (p: TestPki) => KeyAndCert | undefined;
  starttls?: boolean;
  script: Script;
  input?: Partial<ProbeInput>;
  options?: ProbeOptions;
  deadlineMs?: number;
  code: ProbeCode;
  stage: ProbeStage;
  /** Extra assertions on the report and what the server received. */
  check?: (report: ProbeReport, server: ScriptedServer) => void;
}

async function runScenario(s: Scenario): Promise<ProbeReport> {
  const tls = s.tls ? s.tls(pki) : pki.valid;
  const server = await startScriptedImap({
    ...(tls && !s.starttls ? { tls } : {}),
    ...(s.starttls ? { starttls: pki.valid } : {}),
    script: s.script,
  });
  try {
    const baseline = openResources();
    const deadlineMs = s.deadlineMs ?? 5000;
    const caller = new AbortController();
    const { report, elapsedMs } = await timedProbe(baseInput(server.port, s.input), {
      ca: [pki.ca.cert],
      deadlineMs,
      signal: caller.signal,
      ...s.options,
    });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    expect({ code: report.code, stage: report.stage }).toEqual({ code: s.code, stage: s.stage });
    expect(report.ok).toBe(s.code === 'OK');
    expect(elapsedMs).toBeLessThan(deadlineMs + SLACK);
    expect(report.durationMs).toBeLessThanOrEqual(Math.ceil(elapsedMs) + 1);
    expectNoSecret(JSON.stringify(report));
    // The client must have closed every connection (the server holds silent ones open); what the server
    // received is complete once it has seen that close.
    expect(await server.waitForIdle()).toBe(true);
    s.check?.(report, server);
    await expectBackTo(baseline);
    return report;
  } finally {
    await server.close();
  }
}

const exchange = (over: Parameters<typeof imapResponder>[0] = {}) => imapResponder({ ...EXCHANGE, ...over });

const commandsOf = (server: ScriptedServer) => (server.received[0] ?? []).map((l) => l.split(' ')[1]);
const tagsOf = (server: ScriptedServer) => (server.received[0] ?? []).map((l) => l.split(' ')[0]);

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

describe('certificates: no credential before a positive TLS verdict', () => {
  const nothingReceived = (report: ProbeReport, server: ScriptedServer) => {
    expect(server.received.flat()).toEqual([]);
    expect(report.tls?.chain.length).toBeGreaterThan(0);
  };

  it('TLS_EXPIRED', () =>
    runScenario({
      tls: (p) => p.expired,
      script: imapResponder(),
      code: 'TLS_EXPIRED',
      stage: 'tls',
      check: nothingReceived,
    }));

  it('TLS_HOSTNAME_MISMATCH', () =>
    runScenario({
      tls: (p) => p.wrongName,
      script: imapResponder(),
      code: 'TLS_HOSTNAME_MISMATCH',
      stage: 'tls',
      check: (report, server) => {
        nothingReceived(report, server);
        expect(report.tls?.chain[0]?.subjectAltNames).toEqual(['DNS:wrong.example.test']);
      },
    }));

  it('TLS_UNTRUSTED: unknown CA, issuer named, chain kept', () =>
    runScenario({
      tls: (p) => p.unknownCa,
      script: imapResponder(),
      code: 'TLS_UNTRUSTED',
      stage: 'tls',
      check: (report, server) => {
        nothingReceived(report, server);
        expect(report.tls).toMatchObject({
          verdict: 'untrusted',
          inspection: { suspected: false, issuer: 'Nobody Trusts Me Ltd' },
        });
        expect(report.tls?.chain[0]?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      },
    }));

  it('TLS_UNTRUSTED with TLS inspection suspected on a Microsoft host', () =>
    runScenario({
      tls: () => inspectionLeaf,
      script: exchange(),
      input: { host: 'outlook.office365.com' },
      code: 'TLS_UNTRUSTED',
      stage: 'tls',
      check: (report, server) => {
        nothingReceived(report, server);
        expect(report.tls?.inspection).toEqual({ suspected: true, issuer: 'Contoso Security Gateway' });
        const card = diagnose(report, { language: 'de', now: new Date() });
        expect(card.title).toContain('TLS-Inspection');
        expect(card.meaning).toContain('Contoso Security Gateway');
      },
    }));
});

describe('STARTTLS', () => {
  it('OK: greeting in the clear, STARTTLS, then capabilities again over TLS', () =>
    runScenario({
      tls: () => undefined,
      starttls: true,
      script: imapResponder({ capabilities: 'IMAP4rev1 STARTTLS LOGINDISABLED AUTH=PLAIN SASL-IR' }),
      input: { security: 'starttls' },
      code: 'OK',
      stage: 'mailbox',
      check: (report, server) => {
        expect(commandsOf(server)).toEqual(['STARTTLS', 'CAPABILITY', 'AUTHENTICATE', 'STATUS', 'LOGOUT']);
        // One connection, one tag sequence (RFC 9051 §2.2.1): the count goes on across the TLS upgrade.
        expect(tagsOf(server)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
        expect(report.tls?.starttls).toBe(true);
        expect(stageOf(report, 'greeting')?.details?.plaintext).toBe(true);
      },
    }));

  it('TLS_HANDSHAKE_FAILED: STARTTLS not offered — nothing is sent in the clear', () =>
    runScenario({
      tls: () => undefined,
      script: imapResponder({ capabilities: 'IMAP4rev1 AUTH=PLAIN' }),
      input: { security: 'starttls' },
      code: 'TLS_HANDSHAKE_FAILED',
      stage: 'tls',
      check: (_report, server) => expect(server.received.flat()).toEqual([]),
    }));

  it('TLS_HANDSHAKE_FAILED: STARTTLS refused', () =>
    runScenario({
      tls: () => undefined,
      starttls: true,
      script: imapResponder({ greeting: '* OK ready', starttls: ['{tag} NO STARTTLS is disabled.'] }),
      input: { security: 'starttls' },
      code: 'TLS_HANDSHAKE_FAILED',
      stage: 'tls',
      check: (_report, server) => expect(commandsOf(server)).toEqual(['STARTTLS']),
    }));
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

describe('DNS and TCP', () => {
  const run = async (
    input: Partial<ProbeInput>,
    options: ProbeOptions,
    expected: { code: ProbeCode; stage: ProbeStage },
  ) => {
    const baseline = openResources();
    const deadlineMs = options.deadlineMs ?? 3000;
    const { report, elapsedMs } = await timedProbe(baseInput(1, input), { deadlineMs, ...options });
    expect({ code: report.code, stage: report.stage }).toEqual(expected);
    expect(elapsedMs).toBeLessThan(deadlineMs + SLACK);
    expectNoSecret(JSON.stringify(report));
    await expectBackTo(baseline);
    return report;
  };
  const failing = (code: string) => async () => {
    throw Object.assign(new Error(code), { code });
  };

  it('DNS_FAILED: resolver error', () =>
    run({ host: 'broken.example' }, { lookup: failing('ESERVFAIL') }, { code: 'DNS_FAILED', stage: 'dns' }));

  it('DNS_FAILED: resolver never answers', () =>
    run(
      { host: 'slow.example' },
      { lookup: () => new Promise(() => {}), deadlineMs: SHORT },
      { code: 'DNS_FAILED', stage: 'dns' },
    ));

  it('TCP_REFUSED: nothing listens', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((r) => closed.close(r));
    const report = await run({ port }, {}, { code: 'TCP_REFUSED', stage: 'tcp' });
    expect(stageOf(report, 'tcp')?.details?.attempts).toMatchObject([
      { address: '127.0.0.1', result: 'refused', error: 'ECONNREFUSED' },
    ]);
  });

  it('TCP_TIMEOUT: SYN never answered', () =>
    run({ port: hole.port }, { deadlineMs: SHORT }, { code: 'TCP_TIMEOUT', stage: 'tcp' }));

  it('tries every address: ::1 refused, 127.0.0.1 answers', async () => {
    const report = await runScenario({
      script: exchange(),
      options: {
        lookup: async () => [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
        ],
      },
      code: 'OK',
      stage: 'mailbox',
    });
    expect(stageOf(report, 'tcp')?.details?.attempts.map((a) => [a.address, a.result])).toEqual([
      ['::1', 'refused'],
      ['127.0.0.1', 'connected'],
    ]);
  });
});

describe('cancellation', () => {
  /** Cancels `ms` after the start, or after `stage` started (the time to get there varies with the machine's load). */
  const cancelAfter = async (ms: number, input: ProbeInput, options: ProbeOptions = {}, stage?: ProbeStage) => {
    const baseline = openResources();
    const controller = new AbortController();
    let abortedAt = Infinity;
    const abortLater = () =>
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, ms);
    if (!stage) abortLater();
    const { report } = await timedProbe(input, {
      signal: controller.signal,
      ca: [pki.ca.cert],
      deadlineMs: 10_000,
      ...(stage ? { onStage: (e) => e.stage === stage && e.status === 'running' && abortLater() } : {}),
      ...options,
    });
    expect(report.code).toBe('CANCELLED');
    expect(performance.now() - abortedAt).toBeLessThan(200);
    await expectBackTo(baseline);
    return report;
  };

  it('during DNS', async () => {
    const report = await cancelAfter(100, baseInput(1, { host: 'slow.example' }), {
      lookup: () => new Promise(() => {}),
    });
    expect(report.stage).toBe('dns');
  });

  it('during TCP connect', async () => {
    const report = await cancelAfter(150, baseInput(hole.port));
    expect(report.stage).toBe('tcp');
  });

  it('while waiting for the greeting and for the login answer', async () => {
    for (const [script, stage] of [
      [imapResponder({ greeting: 'silent' }), 'greeting'],
      [exchange({ auth: 'silent' }), 'auth'],
    ] as const) {
      const server = await startScriptedImap({ tls: pki.valid, script });
      try {
        const report = await cancelAfter(100, baseInput(server.port), {}, stage);
        expect(report.stage).toBe(stage);
      } finally {
        await server.close();
      }
    }
  });

  it('an already aborted signal ends at once', async () => {
    const { report, elapsedMs } = await timedProbe(baseInput(1), { signal: AbortSignal.abort() });
    expect(report.code).toBe('CANCELLED');
    expect(elapsedMs).toBeLessThan(200);
  });
});
