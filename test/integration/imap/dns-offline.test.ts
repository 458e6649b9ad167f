/**
 * "The name does not exist" and "no DNS server answers" are different stories: the first is a typo, the second a
 * machine that is offline or cut off from its resolver. Windows and macOS report both as "not found" (EAI_NONAME →
 * ENOTFOUND) through the system resolver, so the probe asks the DNS servers directly before calling a name wrong.
 * The servers here are a DNS stub on 127.0.0.1 and a UDP port where nothing listens; no real DNS is touched.
 */
import dgram from 'node:dgram';
import { promises as dns } from 'node:dns';

import { diagnose } from '@shared/diagnosis/diagnose';
import { stageOf } from '@shared/probe/report';
import { type DnsStub, startDnsStub } from '@test/fixtures/dns-stub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { baseInput, expectBackTo, openResources, timedProbe } from './probe-kit';

let stub: DnsStub;
let deadPort: number;

beforeAll(async () => {
  stub = await startDnsStub({
    'outlook.office365.com': { A: ['127.0.0.1'] },
    'mail-only.example': { MX: [{ exchange: 'mx.mail-only.example', priority: 10 }] },
    'broken.example': 'SERVFAIL',
    'silent.example': 'DROP',
  });
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  deadPort = socket.address().port;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
});

afterAll(async () => {
  await stub?.close();
});

/** The system resolver's answer offline on Windows and macOS. */
const notFound = async (): Promise<never> => {
  throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND', syscall: 'getaddrinfo' });
};

const resolverAt = (server: string) => {
  const resolver = new dns.Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([server]);
  return resolver;
};

async function dnsVerdict(host: string, server: string, lookup = notFound) {
  const baseline = openResources();
  const { report, elapsedMs } = await timedProbe(baseInput(993, { host, networkOnly: true, credential: undefined }), {
    lookup,
    resolver: resolverAt(server),
    deadlineMs: 3000,
  });
  expect(elapsedMs).toBeLessThan(3000);
  await expectBackTo(baseline);
  return report;
}

describe('DNS: offline or misspelt?', () => {
  it('no DNS server reachable: DNS_FAILED, and outlook.office365.com is not called misspelt', async () => {
    const report = await dnsVerdict('outlook.office365.com', `127.0.0.1:${deadPort}`);
    expect({ code: report.code, stage: report.stage }).toEqual({ code: 'DNS_FAILED', stage: 'dns' });
    expect(stageOf(report, 'dns')?.details).toMatchObject({
      confirmation: 'no-answer',
      confirmationError: 'ECONNREFUSED',
      error: 'ECONNREFUSED',
    });
    for (const language of ['de', 'en'] as const) {
      const card = diagnose(report, { language, now: new Date() });
      expect(card.causes[0]?.id).toBe('dns-unreachable');
      expect(card.causes.map((c) => c.id)).not.toContain('typo');
    }
  });

  it('a DNS server that never answers: DNS_FAILED with ETIMEOUT, within the bound', async () => {
    const report = await dnsVerdict('silent.example', stub.server);
    expect(report.code).toBe('DNS_FAILED');
    expect(stageOf(report, 'dns')?.details).toMatchObject({ confirmation: 'no-answer', confirmationError: 'ETIMEOUT' });
  });

  it('a DNS server that answers NXDOMAIN: DNS_NOT_FOUND, a misspelling leads', async () => {
    const report = await dnsVerdict('outlok.office365.com', stub.server);
    expect({ code: report.code, stage: report.stage }).toEqual({ code: 'DNS_NOT_FOUND', stage: 'dns' });
    expect(stageOf(report, 'dns')?.details).toMatchObject({ error: 'ENOTFOUND', confirmation: 'nxdomain' });
    expect(stub.queries).toContain('A outlok.office365.com');
    expect(diagnose(report, { language: 'en', now: new Date() }).causes[0]?.id).toBe('typo');
  });

  it('a name that exists without an address: DNS_NOT_FOUND ("no address")', async () => {
    const report = await dnsVerdict('mail-only.example', stub.server);
    expect(report.code).toBe('DNS_NOT_FOUND');
    expect(stageOf(report, 'dns')?.details?.confirmation).toBe('no-address');
  });

  it('a DNS server error (SERVFAIL): DNS_FAILED', async () => {
    const report = await dnsVerdict('broken.example', stub.server);
    expect(report.code).toBe('DNS_FAILED');
    expect(stageOf(report, 'dns')?.details).toMatchObject({
      confirmation: 'no-answer',
      confirmationError: 'ESERVFAIL',
    });
  });

  it('the system resolver finds nothing the DNS servers know: DNS_FAILED, not a typo', async () => {
    const report = await dnsVerdict('outlook.office365.com', stub.server);
    expect(report.code).toBe('DNS_FAILED');
    expect(stageOf(report, 'dns')?.details?.confirmation).toBe('exists');
  });

  it('a resolver error from the system (EAI_AGAIN, as Linux says offline) needs no second question', async () => {
    const before = stub.queries.length;
    const report = await dnsVerdict('outlook.office365.com', stub.server, async () => {
      throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN', syscall: 'getaddrinfo' });
    });
    expect(report.code).toBe('DNS_FAILED');
    expect(stageOf(report, 'dns')?.details?.confirmation).toBeUndefined();
    expect(stub.queries.length).toBe(before);
  });
});
