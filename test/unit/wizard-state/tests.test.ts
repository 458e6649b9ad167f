/**
 * The connection tests as wizard commands, against in-process IMAP servers: the secret is saved before the test
 * and goes nowhere else, stage events carry the run id the view names, a test sets its step's status (a cancelled
 * one does not), and password tests count towards the retest cap.
 */
import { createTestPki, type TestPki } from '@test/fixtures/certs';
import { EXCHANGE, EXCHANGE_AUTH_REFUSED, imapResponder } from '@test/fixtures/imap-responder';
import { errorOf, okValue } from '@test/fixtures/ipc-kit';
import { type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';
import { wizardKit } from '@test/fixtures/wizard-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const CANARY = 'CANARY-wizard-state-äö "x" 4711';
let pki: TestPki;
let accepting: ScriptedServer;
let refusing: ScriptedServer;
let exchange: ScriptedServer;
let silent: ScriptedServer;

beforeAll(async () => {
  pki = await createTestPki();
  accepting = await startScriptedImap({ tls: pki.valid, script: imapResponder() });
  refusing = await startScriptedImap({
    tls: pki.valid,
    script: imapResponder({ auth: ['{tag} NO [AUTHENTICATIONFAILED] Authentication failed.'] }),
  });
  exchange = await startScriptedImap({
    tls: pki.valid,
    script: imapResponder({ ...EXCHANGE, auth: EXCHANGE_AUTH_REFUSED }),
  });
  silent = await startScriptedImap({ tls: pki.valid, script: imapResponder({ greeting: 'silent' }) });
});

afterAll(async () => {
  await accepting?.close();
  await refusing?.close();
  await exchange?.close();
  await silent?.close();
  await pki?.dispose();
});

const kits: ReturnType<typeof wizardKit>[] = [];
afterEach(async () => {
  for (const k of kits.splice(0)) await k.dispose();
});

async function setup(server: ScriptedServer) {
  const k = wizardKit({
    probeOptions: { ca: [pki.ca.cert], lookup: async () => [{ address: '127.0.0.1', family: 4 }], deadlineMs: 5000 },
  });
  kits.push(k);
  const view = okValue(
    await k.call('createConnection', {
      draft: { displayName: 'Eingang', mailboxUser: 'anna@contoso.example', host: 'localhost', port: server.port },
    }),
  );
  const profile = view.active!.profile;
  const settings = {
    host: profile.host,
    port: profile.port,
    security: profile.security,
    mailboxUser: profile.mailboxUser,
  };
  return { k, id: profile.id, settings };
}

const statusOf = (k: ReturnType<typeof wizardKit>, step: string) => k.last().steps.find((s) => s.id === step)?.status;

describe('password test', () => {
  it('saves the typed password first, tests with it, keeps the report and confirms the step', async () => {
    const { k, id, settings } = await setup(accepting);
    const result = okValue(await k.call('testConnection', { profileId: id, settings, password: CANARY }));
    expect(result.secretSaved).toEqual({ storage: 'keychain' });
    expect(k.keychain.entries.get(`${id}:app-password`)).toBe(CANARY);
    expect(result.view.active?.lastTests.password).toMatchObject({ ok: true, code: 'OK' });
    expect(result.view.active?.appPassword).toMatchObject({ saved: true, storage: 'keychain' });
    expect(statusOf(k, 'test')).toMatchObject({ status: 'done' });
    // While it ran, the view named the run; every stage event carries that id.
    const runId = k.views.map((v) => v.active?.running.password).find(Boolean);
    expect(runId).toMatch(/^password-/);
    expect(k.stages.length).toBeGreaterThan(6);
    expect(k.stages.every((e) => e.runId === runId)).toBe(true);
    expect(result.view.active?.running).toEqual({});
    // The secret went to the server and the keychain, nowhere else.
    expect(JSON.stringify(accepting.received)).toContain(
      Buffer.from(`\0anna@contoso.example\0${CANARY}`).toString('base64'),
    );
    expect(JSON.stringify({ views: k.views, stages: k.stages, result })).not.toContain(CANARY);
  });

  it('a later test without typing uses the saved password; none saved is reported by the probe', async () => {
    const { k, id, settings } = await setup(accepting);
    const missing = okValue(await k.call('testConnection', { profileId: id, settings }));
    expect(missing.view.active?.lastTests.password).toMatchObject({ code: 'INPUT_INVALID', stage: 'input' });
    expect(JSON.stringify(missing.view.active?.lastTests.password?.stages[0])).toContain('CREDENTIAL_MISSING');
    okValue(await k.call('saveAppPassword', { profileId: id, secret: CANARY, fallback: 'none' }));
    const saved = okValue(await k.call('testConnection', { profileId: id, settings }));
    expect(saved.view.active?.lastTests.password).toMatchObject({ ok: true });
  });

  it('changed fields are saved before the test; a refusal asks for attention and offers retests', async () => {
    const { k, id, settings } = await setup(accepting);
    const moved = { ...settings, port: refusing.port, mailboxUser: 'imap@contoso.example' };
    const result = okValue(await k.call('testConnection', { profileId: id, settings: moved, password: 'falsch' }));
    expect(result.view.active?.profile).toMatchObject({ port: refusing.port, mailboxUser: 'imap@contoso.example' });
    expect(result.view.active?.lastTests.password).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    expect(statusOf(k, 'test')).toMatchObject({ status: 'attention' });
    expect(result.view.active?.retest).toMatchObject({ offered: true, active: false, state: null });
    expect(result.view.active?.switchOffered).toBe(false);
  });

  it('Exchange Online refusing the password offers modern authentication, not a retest, and ends a running one', async () => {
    const { k, id, settings } = await setup(accepting);
    okValue(await k.call('startRetest', { profileId: id }));
    const atExchange = { ...settings, port: exchange.port };
    const result = okValue(await k.call('testConnection', { profileId: id, settings: atExchange, password: 'x' }));
    // Known by its greeting behind this name: it refuses every password for good, so waiting cannot help.
    expect(result.view.active?.switchOffered).toBe(true);
    expect(result.view.active?.retest).toMatchObject({ offered: false, active: false });
    expect(result.view.active?.retest.state).toMatchObject({ status: 'stopped', stopReason: 'other-code' });
    errorOf(await k.call('startRetest', { profileId: id }), 'RETEST_NOT_USEFUL');
  });

  it('a keychain that refuses the password does not stop the test, and says why', async () => {
    const { k, id, settings } = await setup(accepting);
    k.keychain.failWith = 'Secret Service: no result found';
    const result = okValue(await k.call('testConnection', { profileId: id, settings, password: CANARY }));
    expect(result.secretSaved).toBeUndefined();
    expect(result.secretError?.code).toMatch(/^KEYCHAIN_/);
    expect(result.view.active?.lastTests.password).toMatchObject({ ok: true });
    expect(JSON.stringify(result)).not.toContain(CANARY);
    // "Only for this session": the user agrees, and the password lives in memory until quit.
    const session = okValue(await k.call('saveAppPassword', { profileId: id, secret: CANARY, fallback: 'session' }));
    expect(session.saved.storage).toBe('session');
  });

  it('a keychain that cannot be read is a typed error that leaks nothing', async () => {
    const { k, id, settings } = await setup(accepting);
    okValue(await k.call('saveAppPassword', { profileId: id, secret: CANARY, fallback: 'none' }));
    k.keychain.failWith = `backend said ${CANARY}`;
    const r = await k.call('testConnection', { profileId: id, settings });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(CANARY);
    expect(k.last().active?.running).toEqual({});
  });

  it('refuses malformed requests at the contract', async () => {
    const { k, id, settings } = await setup(accepting);
    errorOf(await k.call('testConnection', { profileId: id, settings, password: 'p'.repeat(70_000) }), 'INPUT_INVALID');
    errorOf(
      await k.call('testConnection', { profileId: id, settings: { ...settings, port: 70_000 } }),
      'INPUT_INVALID',
    );
    errorOf(await k.call('testConnection', { profileId: id, settings, extra: 1 } as never), 'INPUT_INVALID');
  });
});

describe('cancelling and counting', () => {
  it('a cancelled test keeps its report but changes no status and does not end a retest', async () => {
    const { k, id, settings } = await setup(silent);
    okValue(await k.call('confirmStep', { profileId: id, stepId: 'test' }));
    const confirmed = statusOf(k, 'test');
    okValue(await k.call('startRetest', { profileId: id }));
    const running = k.call('testConnection', { profileId: id, settings, password: CANARY });
    await expect.poll(() => k.last().active?.running.password).toBeTruthy();
    await new Promise((r) => setTimeout(r, 150));
    expect(okValue(await k.call('cancelTest', { profileId: id, kind: 'password' }))).toEqual({ cancelled: true });
    const result = okValue(await running);
    expect(result.view.active?.lastTests.password).toMatchObject({ code: 'CANCELLED' });
    expect(statusOf(k, 'test')).toEqual(confirmed);
    expect(result.view.active?.retest.state).toMatchObject({ status: 'scheduled', attempts: [] });
    expect(okValue(await k.call('cancelTest', { profileId: id, kind: 'password' }))).toEqual({ cancelled: false });
  });

  it('a password test counts towards the retest cap; the network check sends no password and does not', async () => {
    const { k, id, settings } = await setup(refusing);
    okValue(await k.call('startRetest', { profileId: id }));
    const network = okValue(await k.call('checkNetwork', { profileId: id }));
    expect(network.active?.lastTests.network).toMatchObject({ ok: true });
    expect(statusOf(k, 'network')).toMatchObject({ status: 'done' });
    expect(network.active?.retest.state?.attempts).toEqual([]);
    const refused = okValue(await k.call('testConnection', { profileId: id, settings, password: 'falsch' }));
    expect(refused.view.active?.retest.state).toMatchObject({
      status: 'scheduled',
      attempts: [{ code: 'AUTH_FAILED', ok: false, source: 'manual' }],
    });
    // The network check's own report stays what the network step shows.
    expect(refused.view.active?.lastTests.network).toMatchObject({ ok: true });
  });

  it('one test of a kind at a time per connection', async () => {
    const { k, id } = await setup(silent);
    const first = k.call('checkNetwork', { profileId: id });
    await expect.poll(() => k.last().active?.running.network).toBeTruthy();
    errorOf(await k.call('checkNetwork', { profileId: id }), 'TEST_ALREADY_RUNNING');
    okValue(await k.call('cancelTest', { profileId: id, kind: 'network' }));
    expect(okValue(await first).active?.lastTests.network).toMatchObject({ code: 'CANCELLED' });
  });
});
