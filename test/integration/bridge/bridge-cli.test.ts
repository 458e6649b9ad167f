/**
 * `npm run bridge` as a service manager runs it: a real child process. The one-file export from a refresh token,
 * the config-file start with the sealed token rotated in place, SIGTERM with a session open, the env-only start,
 * refusals of bad input — and no secret in argv, stderr or the configuration file.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type DovecotServer, freePort } from '../../fixtures/dovecot';
import { rawImap } from '../../fixtures/imap-raw-client';
import { tempDir } from '../../fixtures/ipc-kit';
import { type OidcProvider, TEST_CLIENT_ID } from '../../fixtures/oidc-provider';
import { PASSWORD, signIn, startIdpAndDovecot, USER } from './bridge-kit';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const execFileAsync = promisify(execFile);

let idp: OidcProvider;
let dovecot: DovecotServer;
let refreshToken: string;
let dir: string;
let env: NodeJS.ProcessEnv;
const children: ChildProcess[] = [];

beforeAll(async () => {
  ({ idp, dovecot } = await startIdpAndDovecot());
  refreshToken = (await signIn(idp)).refreshToken;
  dir = tempDir('maa-bridge-cli-');
  // Both test CAs (sign-in service and Dovecot) through Node's own extra-CA file, as an admin would add theirs.
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, `${readFileSync(idp.caPath, 'utf8')}\n${dovecot.ca}`);
  env = { ...process.env, NODE_EXTRA_CA_CERTS: caFile };
  delete env.MAILADAPTER_BRIDGE_PASSWORD;
  delete env.MAILADAPTER_REFRESH_TOKEN;
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await dovecot?.stop();
  await idp?.stop();
});

async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [tsx, 'main/cli/bridge.ts', ...args], {
      cwd: root,
      env: { ...env, ...extraEnv },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Starts the bridge in the foreground; resolves once it says it is listening. */
function serve(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [tsx, 'main/cli/bridge.ts', ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening after 20 s:\n${stderr}`)), 20_000);
    child.stderr!.on('data', () => stderr.includes('listening on') && (clearTimeout(timer), resolve()));
    void exited.then((code) => (clearTimeout(timer), reject(new Error(`exited ${code}:\n${stderr}`))));
  });
  return { child, listening, exited, stderr: () => stderr };
}

const secrets = () => [PASSWORD, refreshToken, ...idp.issuedSecrets];

describe('server mode from the one-file export', () => {
  let file: string;
  let port: number;

  it('export: one 0600 file with the hash and the sealed token, nothing readable', async () => {
    file = path.join(dir, 'bridge.json');
    port = await freePort();
    const r = await cli(
      [
        'export',
        '--out',
        file,
        '--user',
        USER,
        '--authority',
        `https://${idp.host}/${idp.tenantId}`,
        '--client-id',
        TEST_CLIENT_ID,
        '--upstream',
        `127.0.0.1:${dovecot.imapsPort}`,
        '--listen',
        `127.0.0.1:${port}`,
      ],
      { MAILADAPTER_REFRESH_TOKEN: refreshToken, MAILADAPTER_BRIDGE_PASSWORD: PASSWORD },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(file, 'utf8');
    for (const s of secrets()) expect(text).not.toContain(s);
    const doc = JSON.parse(text);
    expect(doc.accounts[0]).toMatchObject({
      mailbox: USER,
      passwordHash: expect.stringMatching(/^scrypt\$/),
      token: { alg: 'scrypt+aes-256-gcm' },
    });
    doc.limits = { shutdownSeconds: 2 };
    writeFileSync(file, JSON.stringify(doc, null, 2));
  });

  it('--config: a client logs in; the rotated token is sealed back into the file; SIGTERM lets the session finish, exit 0', async () => {
    const before = JSON.parse(readFileSync(file, 'utf8')).accounts[0].token;
    const bridge = serve(['--config', file]);
    await bridge.listening;
    const c = await rawImap({ port });
    await c.line();
    expect((await c.command(`a1 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^a1 OK /);
    expect((await c.command('a2 SELECT INBOX')).lines).toContain('* 3 EXISTS');
    const after = JSON.parse(readFileSync(file, 'utf8')).accounts[0].token;
    expect(after.iv).not.toBe(before.iv);
    expect(after.salt).toBe(before.salt);
    const stoppedAt = Date.now();
    bridge.child.kill('SIGTERM');
    // The listener closes at once; the open session still works within the grace period.
    await new Promise((r) => setTimeout(r, 300));
    await expect(
      new Promise((resolve, reject) => net.connect(port, '127.0.0.1').once('connect', resolve).once('error', reject)),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect((await c.command('a3 FETCH 1 BODY[HEADER.FIELDS (SUBJECT)]')).tagged).toMatch(/^a3 OK/);
    expect(await bridge.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(2000 + 2500);
    await c.closed;
    expect(bridge.stderr()).toMatch(/SIGTERM: stopping/);
    expect(bridge.stderr()).toMatch(/cutting 1 open connection/);
    for (const s of secrets()) expect(bridge.stderr()).not.toContain(s);
    expect(readFileSync(file, 'utf8')).not.toContain(refreshToken);
  });

  it('systemd-unit prints the unit for that configuration (high port: no capability)', async () => {
    const r = await cli(['systemd-unit', '--config', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^AmbientCapabilities=$/m);
    expect(r.stdout).toContain('DynamicUser=yes');
  });
});

describe('env-only start', () => {
  it('runs from environment variables alone; no secret in its argv or output', async () => {
    const port = await freePort();
    const caFile = path.join(dir, 'dovecot-ca.pem');
    writeFileSync(caFile, dovecot.ca);
    const bridge = serve(
      [
        '--listen',
        `127.0.0.1:${port}`,
        '--user',
        USER,
        '--upstream',
        `127.0.0.1:${dovecot.imapsPort}`,
        '--authority',
        `https://${idp.host}`,
        '--tenant',
        idp.tenantId,
        '--client-id',
        TEST_CLIENT_ID,
        '--ca',
        caFile,
      ],
      { MAILADAPTER_BRIDGE_PASSWORD: PASSWORD, MAILADAPTER_REFRESH_TOKEN: refreshToken },
    );
    await bridge.listening;
    const cmdline = readFileSync(`/proc/${bridge.child.pid}/cmdline`, 'utf8');
    for (const s of secrets()) expect(cmdline).not.toContain(s);
    const c = await rawImap({ port });
    await c.line();
    expect((await c.command(`a1 LOGIN ${USER} wrong`)).tagged).toBe(
      'a1 NO [AUTHENTICATIONFAILED] Invalid credentials.',
    );
    expect((await c.command(`a2 LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^a2 OK /);
    expect((await c.command('a3 LOGOUT')).tagged).toMatch(/^a3 OK/);
    bridge.child.kill('SIGTERM');
    expect(await bridge.exited).toBe(0);
    for (const s of secrets()) expect(bridge.stderr()).not.toContain(s);
  });
});

describe('refusals', () => {
  it('secrets on the command line are refused (exit 2)', async () => {
    const r = await cli(['--listen', '127.0.0.1:1143', '--password', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Secrets are never taken from the command line');
  });

  it('a bad configuration names each field and changes nothing (exit 2)', async () => {
    const file = path.join(dir, 'bad.json');
    const text = JSON.stringify({
      format: 'mailadapter-bridge',
      version: 1,
      listen: { host: '0.0.0.0', port: 70000 },
      accounts: [{ id: 'x', mailbox: 'nope', oauth: { tenant: 'common', clientId: 'x' }, passwordHash: 'plain' }],
    });
    writeFileSync(file, text);
    const r = await cli(['--config', file]);
    expect(r.code).toBe(2);
    for (const field of [
      'listen.port',
      'accounts[0].mailbox',
      'accounts[0].oauth.tenant',
      'accounts[0].oauth.clientId',
      'accounts[0].passwordHash',
    ])
      expect(r.stderr).toContain(`${field}:`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a non-loopback listener without TLS does not start (BRIDGE_TLS_REQUIRED, exit 2)', async () => {
    const good = JSON.parse(readFileSync(path.join(dir, 'bridge.json'), 'utf8'));
    good.listen = { host: '0.0.0.0', port: await freePort(), allow: ['192.0.2.10'] };
    const file = path.join(dir, 'open.json');
    writeFileSync(file, JSON.stringify(good));
    const r = await cli(['--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BRIDGE_TLS_REQUIRED');
  });
});
