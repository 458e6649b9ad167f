/** The scripted-server scenarios' shared world: a test PKI, a black hole, and one scenario runner with its checks. */
import { getEventListeners } from 'node:events';

import type { ProbeOptions } from '@core/imap/probe';
import type { ProbeCode, ProbeStage } from '@shared/probe/codes';
import { type ProbeReport } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';
import { type Blackhole, startBlackhole } from '@test/fixtures/blackhole';
import { createTestPki, type IssuedCert, type TestPki } from '@test/fixtures/certs';
import { EXCHANGE, imapResponder } from '@test/fixtures/imap-responder';
import { type KeyAndCert, type Script, type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';
import { afterAll, beforeAll, expect } from 'vitest';

import { baseInput, expectBackTo, expectNoSecret, openResources, timedProbe } from './probe-kit';

/** Short overall deadline for the scenarios that wait: keeps the suite fast and still proves the bound. */
export const SHORT = 1000;
export const SLACK = 500;

// Live bindings: set by the hooks useScenarioWorld() registers in the test file that calls it.
export let pki: TestPki;
export let inspectionLeaf: IssuedCert;
export let hole: Blackhole;

export function useScenarioWorld(): void {
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
}

export interface Scenario {
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

export async function runScenario(s: Scenario): Promise<ProbeReport> {
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

export const exchange = (over: Parameters<typeof imapResponder>[0] = {}) => imapResponder({ ...EXCHANGE, ...over });

export const commandsOf = (server: ScriptedServer) => (server.received[0] ?? []).map((l) => l.split(' ')[1]);
export const tagsOf = (server: ScriptedServer) => (server.received[0] ?? []).map((l) => l.split(' ')[0]);
