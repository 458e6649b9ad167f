/**
 * Shared checks for probe tests: run a probe with a canary secret, time it, and prove afterwards that no secret
 * leaked into the report and that no socket or timer was left behind.
 */
import { probe, type ProbeOptions } from '@core/imap/probe';
import type { ProbeReport } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';
import { expect } from 'vitest';

export const CANARY = 'CANARY-Pä"ss\\wörd {7}-0815';

/** Every form the canary could take on the wire. */
export const canaryForms = (user: string, secret = CANARY): string[] => [
  secret,
  Buffer.from(secret, 'utf8').toString('base64'),
  Buffer.from(`\0${user}\0${secret}`, 'utf8').toString('base64'),
  Buffer.from(`user=${user}\x01auth=Bearer ${secret}\x01\x01`, 'utf8').toString('base64'),
];

export function expectNoSecret(text: string, user = 'anna@contoso.example', secret = CANARY): void {
  for (const form of canaryForms(user, secret)) expect(text).not.toContain(form);
  expect(text).not.toContain('CANARY');
}

/** Counts of the resource kinds a probe could leak. */
export function openResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (/TCPSocketWrap|TLSWrap|Timeout|GetAddrInfoReqWrap|PipeWrap/.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** Kinds of which more are open now than in `baseline` (a leak), with the surplus. */
function surplus(baseline: Record<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [kind, count] of Object.entries(openResources())) {
    if (count > (baseline[kind] ?? 0)) extra[kind] = count - (baseline[kind] ?? 0);
  }
  return extra;
}

/** Waits (briefly) until nothing beyond `baseline` is open; fails with the surplus otherwise. */
export async function expectBackTo(baseline: Record<string, number>, timeoutMs = 1000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Object.keys(surplus(baseline)).length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(surplus(baseline)).toEqual({});
}

export interface TimedReport {
  report: ProbeReport;
  elapsedMs: number;
}

export const baseInput = (port: number, extra: Partial<ProbeInput> = {}): ProbeInput => ({
  host: 'localhost',
  port,
  security: 'tls',
  user: 'anna@contoso.example',
  credential: { kind: 'password', password: CANARY },
  ...extra,
});

/** localhost → 127.0.0.1 only (never real DNS, never ::1 unless asked). */
export const loopbackLookup = async () => [{ address: '127.0.0.1', family: 4 as const }];

export async function timedProbe(input: ProbeInput, options: ProbeOptions): Promise<TimedReport> {
  const started = performance.now();
  const report = await probe(input, { lookup: loopbackLookup, ...options });
  return { report, elapsedMs: performance.now() - started };
}
