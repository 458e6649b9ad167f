/** The command-line probe as support engineers run it: exit codes, output formats, secrets never printed. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ProbeReport } from '@shared/probe/report';
import { type DovecotServer, startDovecot } from '@test/fixtures/dovecot';
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
}

function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/probe.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
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
