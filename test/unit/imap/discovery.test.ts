/** Provider discovery against a local DNS stub (UDP on 127.0.0.1) and injected resolvers — never real DNS. */
import { promises as dns } from 'node:dns';

import { discover, type DiscoveryResolver } from '@core/discovery/discover';
import { createDiscoveryHandlers } from '@core/discovery/discovery-handlers';
import { type DnsStub, startDnsStub } from '@test/fixtures/dns-stub';
import { invoke, okValue } from '@test/fixtures/ipc-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stub: DnsStub;

beforeAll(async () => {
  stub = await startDnsStub({
    'contoso.example': { MX: [{ exchange: 'contoso-example.mail.protection.outlook.com', priority: 0 }] },
    'autodiscover.contoso.example': { CNAME: 'autodiscover.outlook.com' },
    'gateway.example': { MX: [{ exchange: 'mx.spamfilter.example', priority: 10 }] },
    'autodiscover.gateway.example': { CNAME: 'autodiscover.outlook.com' },
    'selfhosted.example': {
      MX: [
        { exchange: 'mx2.selfhosted.example', priority: 20 },
        { exchange: 'mx1.selfhosted.example', priority: 10 },
      ],
    },
    'nomx.example': { A: ['192.0.2.10'] },
    'broken.example': 'SERVFAIL',
    'slow.example': 'DROP',
  });
});

afterAll(async () => {
  await stub?.close();
});

const resolver = () => {
  const r = new dns.Resolver({ timeout: 400, tries: 1 });
  r.setServers([stub.server]);
  return r;
};

describe('discover', () => {
  it('recognises Microsoft 365 from the MX record and suggests outlook.office365.com:993', async () => {
    const result = await discover('Anna@Contoso.example', { resolver: resolver() });
    expect(result).toMatchObject({
      code: 'OK',
      domain: 'contoso.example',
      provider: 'microsoft365',
      autodiscoverCname: 'autodiscover.outlook.com',
      suggestion: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    });
    expect(result.evidence[0]).toContain('contoso-example.mail.protection.outlook.com');
    expect(stub.queries).toEqual(expect.arrayContaining(['MX contoso.example', 'CNAME autodiscover.contoso.example']));
  });

  it('recognises Microsoft 365 behind a third-party mail gateway by the autodiscover CNAME', async () => {
    const result = await discover('bob@gateway.example', { resolver: resolver() });
    expect(result).toMatchObject({ code: 'OK', provider: 'microsoft365', mx: [{ exchange: 'mx.spamfilter.example' }] });
  });

  it('reports other providers with their MX records sorted by priority, without a suggestion', async () => {
    const result = await discover('carl@selfhosted.example', { resolver: resolver() });
    expect(result).toMatchObject({ code: 'OK', provider: 'other' });
    expect(result.mx.map((m) => m.exchange)).toEqual(['mx1.selfhosted.example', 'mx2.selfhosted.example']);
    expect(result.suggestion).toBeUndefined();
  });

  it('distinguishes a missing domain, a domain without MX and a failing resolver', async () => {
    expect((await discover('x@missing.example', { resolver: resolver() })).code).toBe('DNS_NOT_FOUND');
    expect(await discover('x@nomx.example', { resolver: resolver() })).toMatchObject({
      code: 'OK',
      provider: 'unknown',
      mx: [],
    });
    expect((await discover('x@broken.example', { resolver: resolver() })).code).toBe('DNS_FAILED');
  });

  it('is bounded by its deadline when DNS never answers', async () => {
    const hanging: DiscoveryResolver = {
      resolveMx: () => new Promise(() => {}),
      resolveCname: () => new Promise(() => {}),
    };
    const started = Date.now();
    const result = await discover('x@slow.example', { resolver: hanging, deadlineMs: 300 });
    expect(result.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(300 + 500);
  });

  it('cancels outstanding queries when the caller aborts', async () => {
    let cancelled = false;
    const hanging: DiscoveryResolver = {
      resolveMx: () => new Promise(() => {}),
      resolveCname: () => new Promise(() => {}),
      cancel: () => (cancelled = true),
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const result = await discover('x@slow.example', { resolver: hanging, signal: controller.signal });
    expect(result.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(250);
    expect(cancelled).toBe(true);
  });

  it('refuses what is not an e-mail address without asking DNS', async () => {
    const before = stub.queries.length;
    for (const email of [
      '',
      'anna',
      'anna@',
      '@contoso.example',
      'an na@contoso.example',
      `${'a'.repeat(250)}@x.example`,
    ]) {
      expect((await discover(email, { resolver: resolver() })).code).toBe('INPUT_INVALID');
    }
    expect(stub.queries.length).toBe(before);
  });
});

describe('discoverProvider channel', () => {
  it('passes through to discovery with the configured resolver', async () => {
    const handlers = createDiscoveryHandlers({
      resolver: {
        resolveMx: async () => [{ exchange: 'contoso-example.mail.protection.outlook.com', priority: 0 }],
        resolveCname: async () => [],
      },
    });
    expect(okValue(await invoke(handlers, 'discoverProvider', { email: 'anna@contoso.example' }))).toMatchObject({
      code: 'OK',
      provider: 'microsoft365',
      suggestion: { host: 'outlook.office365.com' },
    });
  });
});
