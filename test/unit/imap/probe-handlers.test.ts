/** The IPC face of the connection test, driven through the real dispatcher and contract validation. */
import { createProbeHandlers, type ProbeHandlerDeps } from '@core/imap/probe-handlers';
import { dispatch } from '@core/ipc/dispatch';
import type { HandlerContext, Handlers } from '@core/ipc/handlers';
import type { DiscoveryResult } from '@shared/probe/discovery';
import type { ProbeReport, ProbeStageEvent } from '@shared/probe/report';
import { createTestPki, type TestPki } from '@test/fixtures/certs';
import { EXCHANGE, imapResponder } from '@test/fixtures/imap-responder';
import { type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CANARY = 'CANARY-handler-secret';
let pki: TestPki;
let server: ScriptedServer;
let silent: ScriptedServer;

beforeAll(async () => {
  pki = await createTestPki();
  server = await startScriptedImap({
    tls: pki.valid,
    script: imapResponder(EXCHANGE),
  });
  silent = await startScriptedImap({ tls: pki.valid, script: imapResponder({ greeting: 'silent' }) });
});

afterAll(async () => {
  await server?.close();
  await silent?.close();
  await pki?.dispose();
});

function setup(deps: Partial<ProbeHandlerDeps> = {}) {
  const events: ProbeStageEvent[] = [];
  const reports: Array<[string, ProbeReport]> = [];
  const handlers = createProbeHandlers({
    getSecret: async (id) => (id === 'profile-1' ? CANARY : null),
    onReport: (id, report) => reports.push([id, report]),
    probeOptions: { ca: [pki.ca.cert], lookup: async () => [{ address: '127.0.0.1', family: 4 }], deadlineMs: 5000 },
    ...deps,
  });
  const ctx: HandlerContext = {
    emit: (name, payload) => name === 'probeStage' && events.push(payload as ProbeStageEvent),
  };
  const call = (channel: string, input: unknown) => dispatch(handlers as unknown as Handlers, channel, input, ctx);
  return { call, events, reports };
}

describe('runProbe', () => {
  it('uses the saved secret of a profile, streams stage events and keeps the secret out of everything', async () => {
    const { call, events, reports } = setup();
    const result = await call('runProbe', {
      host: 'localhost',
      port: server.port,
      user: 'anna@contoso.example',
      profileId: 'profile-1',
      runId: 'run-1',
    });
    expect(result.ok).toBe(true);
    const report = (result as { ok: true; value: ProbeReport & { runId: string } }).value;
    expect(report).toMatchObject({ code: 'OK', runId: 'run-1' });
    expect(events.every((e) => e.runId === 'run-1')).toBe(true);
    expect(events.filter((e) => e.status === 'running').map((e) => e.stage)).toEqual([
      'input',
      'dns',
      'tcp',
      'tls',
      'greeting',
      'capabilities',
      'auth',
      'mailbox',
    ]);
    expect(events.at(-1)).toMatchObject({ stage: 'mailbox', status: 'ok' });
    expect(reports.map(([id, r]) => [id, r.code])).toEqual([['profile-1', 'OK']]);
    const everything = JSON.stringify({ result, events, reports, received: server.received });
    expect(JSON.stringify({ result, events, reports })).not.toContain(CANARY);
    expect(everything).toContain(Buffer.from(`\0anna@contoso.example\0${CANARY}`).toString('base64'));
  });

  it('answers a profile without a saved secret with an INPUT_INVALID report, not an exception', async () => {
    const { call } = setup();
    const result = await call('runProbe', {
      host: 'localhost',
      port: server.port,
      user: 'anna@contoso.example',
      profileId: 'unknown',
    });
    expect(result).toMatchObject({ ok: true, value: { code: 'INPUT_INVALID', stage: 'input' } });
  });

  it('prefers a typed password and validates it in the probe', async () => {
    const { call } = setup();
    const empty = await call('runProbe', {
      host: 'localhost',
      port: server.port,
      user: 'anna@contoso.example',
      password: '',
    });
    expect(empty).toMatchObject({ ok: true, value: { code: 'INPUT_INVALID' } });
    const bad = await call('runProbe', { host: 'https://x.example/', port: 'abc', user: 'a\r\nb', password: 'x' });
    const fields = (bad as { value: ProbeReport }).value.stages[0];
    expect(fields?.stage === 'input' && fields.details?.issues.map((i) => i.field)).toEqual(['port', 'host', 'user']);
  });

  it('refuses malformed requests at the contract', async () => {
    const { call } = setup();
    expect(await call('runProbe', { host: 'x', password: 'p'.repeat(5000) })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(await call('runProbe', { host: 'x', unexpected: true })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
  });

  it('cancels a running test by its run id', async () => {
    const { call } = setup();
    const running = call('runProbe', {
      host: 'localhost',
      port: silent.port,
      user: 'anna@contoso.example',
      password: CANARY,
      runId: 'run-2',
    });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    expect(await call('cancelProbe', { runId: 'run-2' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: true, value: { code: 'CANCELLED', stage: 'greeting' } });
    expect(Date.now() - started).toBeLessThan(200);
    expect(await call('cancelProbe', { runId: 'run-2' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('reports a keychain failure as a typed error without details of the secret', async () => {
    const { call } = setup({
      getSecret: async () => {
        throw new Error(`backend said ${CANARY}`);
      },
    });
    const result = await call('runProbe', { host: 'localhost', port: server.port, user: 'a', profileId: 'p' });
    expect(result).toMatchObject({ ok: false, error: { code: 'SECRET_UNAVAILABLE' } });
    expect(JSON.stringify(result)).not.toContain(CANARY);
  });
});

describe('discoverProvider', () => {
  it('passes through to discovery with the configured resolver', async () => {
    const { call } = setup({
      discoverOptions: {
        resolver: {
          resolveMx: async () => [{ exchange: 'contoso-example.mail.protection.outlook.com', priority: 0 }],
          resolveCname: async () => [],
        },
      },
    });
    const result = await call('discoverProvider', { email: 'anna@contoso.example' });
    expect((result as { value: DiscoveryResult }).value).toMatchObject({
      code: 'OK',
      provider: 'microsoft365',
      suggestion: { host: 'outlook.office365.com' },
    });
  });
});
