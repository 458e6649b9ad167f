/**
 * The probe against the scripted IMAP server, continued: certificates, STARTTLS, DNS and TCP, and cancellation (same checks per scenario as scripted-scenarios.test.ts).
 */
import net from 'node:net';

import type { ProbeOptions } from '@core/imap/probe';
import { diagnose } from '@shared/diagnosis/diagnose';
import type { ProbeCode, ProbeStage } from '@shared/probe/codes';
import { type ProbeReport, stageOf } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';
import { imapResponder } from '@test/fixtures/imap-responder';
import { type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';
import { describe, expect, it } from 'vitest';

import { baseInput, expectBackTo, expectNoSecret, openResources, timedProbe } from './probe-kit';
import {
  commandsOf,
  exchange,
  hole,
  inspectionLeaf,
  pki,
  runScenario,
  SHORT,
  SLACK,
  tagsOf,
  useScenarioWorld,
} from './scenario-kit';

useScenarioWorld();

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
