/** The command-line probe as support engineers run it: exit codes, output formats, secrets never printed. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ProbeReport } from '@shared/probe/report';
import { createTestPki, type TestPki } from '@test/fixtures/certs';
import { type DovecotServer, startDovecot } from '@test/fixtures/dovecot';
import { EXCHANGE, EXCHANGE_AUTH_REFUSED, imapResponder } from '@test/fixtures/imap-responder';
import { type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CANARY, expectNoSecret } from './probe-kit';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const USER = 'anna@contoso.example';

let dovecot: DovecotServer;
let dir: string;
let caFile: string;

beforeAll(async () => {
  dovecot = await startDovecot({ users: [{ name: USER, password: CANARY }] });
  dir = await mkdtemp(path.join(tmpdir(), 'mailadapter-cli-'));
  caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, dovecot.ca);
});

afterAll(async () => {
  await dovecot?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From the first byte on stdout (the verdict is written in one piece) to the exit. */
  exitAfterOutputMs: number;
}

function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    let firstOutput: number | undefined;
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/probe.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      firstOutput ??= performance.now();
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, exitAfterOutputMs: performance.now() - (firstOutput ?? performance.now()) }),
    );
  });
}

const target = () => ['--host', '127.0.0.1', '--port', String(dovecot.imapsPort), '--user', USER, '--timeout', '5'];

describe('probe CLI', () => {
  it('exit 0 with --json: exactly one JSON report, no secret', async () => {
    const run = await cli([...target(), '--ca', caFile, '--json'], { MAILADAPTER_PASSWORD: CANARY });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as ProbeReport;
    expect(report).toMatchObject({ ok: true, code: 'OK', stage: 'mailbox' });
    expectNoSecret(run.stdout + run.stderr, USER);
  });

  it('exit 1 on a refused login, readable German report by locale, no secret', async () => {
    const wrong = `${CANARY}-wrong`;
    const run = await cli([...target(), '--ca', caFile], { MAILADAPTER_PASSWORD: wrong, LANG: 'de_DE.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Ergebnis: AUTH_FAILED — Anmeldung abgelehnt');
    expect(run.stdout).toContain('✗ Anmeldung');
    expect(run.stdout).toContain('C: A1 AUTHENTICATE PLAIN ****');
    expectNoSecret(run.stdout + run.stderr, USER, wrong);
  });

  it('trusts NODE_EXTRA_CA_CERTS as well as --ca, and reports an untrusted certificate without it (exit 1)', async () => {
    const viaEnv = await cli([...target(), '--json', '--lang', 'en'], {
      MAILADAPTER_PASSWORD: CANARY,
      NODE_EXTRA_CA_CERTS: caFile,
    });
    expect(viaEnv.code).toBe(0);
    const untrusted = await cli([...target(), '--json'], { MAILADAPTER_PASSWORD: CANARY });
    expect(untrusted.code).toBe(1);
    expect(JSON.parse(untrusted.stdout)).toMatchObject({ code: 'TLS_UNTRUSTED', stage: 'tls' });
    expect(untrusted.stdout).not.toContain('AUTHENTICATE');
  });

  it('exit 1 for invalid input and for a missing password without a terminal', async () => {
    const invalid = await cli(['--host', 'https://outlook.office365.com/owa', '--user', USER, '--json'], {
      MAILADAPTER_PASSWORD: CANARY,
    });
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ code: 'INPUT_INVALID', stage: 'input' });
    const noPassword = await cli([...target(), '--ca', caFile, '--json']);
    expect(noPassword.code).toBe(1);
    expect(JSON.parse(noPassword.stdout)).toMatchObject({ code: 'INPUT_INVALID' });
    expect(noPassword.stderr).toContain('MAILADAPTER_PASSWORD');
  });

  it('asks for the password on a terminal without echoing it', async () => {
    // `script` gives the CLI a pseudo-terminal, as a support engineer's shell would.
    const command = ['node', '--import', 'tsx', 'main/cli/probe.ts', ...target(), '--ca', caFile, '--lang', 'en'].join(
      ' ',
    );
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8' },
    });
    let output = '';
    const prompted = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        if (output.includes('Password: ')) resolve();
      }),
    );
    await prompted;
    child.stdin.write(`${CANARY}\r`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(output).toContain('Result: OK');
    expectNoSecret(output, USER);
  });

  it('exit 2 for usage errors, and never accepts a password on the command line', async () => {
    const runs = await Promise.all([
      cli([]),
      cli(['--host', 'x', '--user', USER, '--password', CANARY]),
      cli(['--host', 'x', '--user', USER, `--password=${CANARY}`]),
      cli(['--host', 'x', '--user', USER, '--bogus']),
      cli(['--host', 'x', '--user', USER, '--timeout', 'soon']),
      cli(['--host', 'x', '--user', USER, '--ca', path.join(dir, 'missing.pem')]),
      cli(['--host', 'x', '--user', USER, '--lang', 'fr']),
      cli(['--host', 'x']),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage: npm run probe');
      expect(run.stderr).not.toContain(CANARY);
    }
  });
});

describe('probe CLI against a server that never answers LOGOUT', () => {
  let pki: TestPki;
  let refusing: ScriptedServer;
  let accepting: ScriptedServer;
  let ca: string;

  beforeAll(async () => {
    pki = await createTestPki();
    ca = path.join(dir, 'scripted-ca.pem');
    await writeFile(ca, pki.ca.cert);
    refusing = await startScriptedImap({
      tls: pki.valid,
      script: imapResponder({ ...EXCHANGE, auth: EXCHANGE_AUTH_REFUSED, logout: 'silent' }),
    });
    accepting = await startScriptedImap({ tls: pki.valid, script: imapResponder({ ...EXCHANGE, logout: 'silent' }) });
  });

  afterAll(async () => {
    await refusing?.close();
    await accepting?.close();
    await pki?.dispose();
  });

  const args = (server: ScriptedServer, ...extra: string[]) => [
    '--host',
    '127.0.0.1',
    '--port',
    String(server.port),
    '--user',
    USER,
    '--ca',
    ca,
    '--timeout',
    '10',
    '--lang',
    'en',
    ...extra,
  ];

  // Waiting for the goodbye would last until the 10 s deadline; the verdict is in long before.
  it.each([
    ['a refused login', () => refusing, [], 1, 'Result: AUTH_FAILED'],
    ['a refused login, --json', () => refusing, ['--json'], 1, '"code":"AUTH_FAILED"'],
    ['a passed test', () => accepting, [], 0, 'Result: OK'],
    ['a network check', () => accepting, ['--network-only'], 0, 'Result: OK'],
  ] as const)('exits at once after the verdict: %s', async (_name, server, extra, exitCode, verdict) => {
    const run = await cli(args(server(), ...extra), { MAILADAPTER_PASSWORD: CANARY });
    expect(run.code).toBe(exitCode);
    expect(run.stdout).toContain(verdict);
    // Neither the verdict nor the exit waits for the server's goodbye.
    const probeMs = Number(/"durationMs":(\d+)|\((\d+) ms\)\n/.exec(run.stdout)?.slice(1).find(Boolean));
    expect(probeMs).toBeLessThan(2000);
    expect(run.exitAfterOutputMs).toBeLessThan(500);
    expect(server().received.at(-1)?.at(-1)).toMatch(/^A\d+ LOGOUT$/);
    expectNoSecret(run.stdout + run.stderr, USER);
  });
});

describe('probe CLI against a server that resets every connection', () => {
  it('names the reset: TCP_RESET with its title, exit 1, the same in both formats', async () => {
    const server = net.createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((server.address() as net.AddressInfo).port);
      const base = ['--host', '127.0.0.1', '--port', port, '--user', USER, '--timeout', '5'];
      const text = await cli([...base, '--lang', 'en'], { MAILADAPTER_PASSWORD: CANARY });
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('Result: TCP_RESET — Connection cut off at once');
      const json = await cli([...base, '--json'], { MAILADAPTER_PASSWORD: CANARY });
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ code: 'TCP_RESET', stage: 'tcp' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
