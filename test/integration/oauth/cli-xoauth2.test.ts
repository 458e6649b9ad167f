/**
 * `npm run probe -- --auth xoauth2`: the token comes from MAILADAPTER_ACCESS_TOKEN (never argv), against Dovecot's
 * oauth2 passdb. Exit codes and JSON report as for passwords; the token appears in neither output stream.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import type { DovecotServer } from '@test/fixtures/dovecot';
import { startOAuthDovecot } from '@test/fixtures/dovecot-oauth';
import { tempDir } from '@test/fixtures/ipc-kit';
import { type OidcProvider, startOidcProvider } from '@test/fixtures/oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const USER = 'imap@contoso.example';

let idp: OidcProvider;
let dovecot: DovecotServer;
let caFile: string;

async function cli(token: string | undefined, extra: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.MAILADAPTER_PASSWORD;
  if (token === undefined) delete env.MAILADAPTER_ACCESS_TOKEN;
  else env.MAILADAPTER_ACCESS_TOKEN = token;
  // tsx straight from node_modules: npx adds seconds and takes npm's cache lock, which other jobs may hold.
  const args = [
    path.join(root, 'node_modules/tsx/dist/cli.mjs'),
    'main/cli/probe.ts',
    '--host',
    '127.0.0.1',
    '--port',
    String(dovecot.imapsPort),
    '--user',
    USER,
    '--auth',
    'xoauth2',
    '--ca',
    caFile,
    ...extra,
  ];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: root, env, timeout: 25_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  idp = await startOidcProvider({ users: [{ username: USER }] });
  dovecot = await startOAuthDovecot(idp, { users: [USER] });
  caFile = path.join(tempDir('maa-cli-ca-'), 'ca.pem');
  writeFileSync(caFile, dovecot.ca);
});

afterAll(async () => {
  await dovecot?.stop();
  await idp?.stop();
});

describe('probe CLI with --auth xoauth2', () => {
  it('passes with a valid token (exit 0, JSON report) and never prints the token', async () => {
    const token = await idp.mintAccessToken({ username: USER });
    const r = await cli(token, ['--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      code: string;
      stages: Array<{ stage: string; details?: { credential?: string } }>;
    };
    expect(report).toMatchObject({ ok: true, code: 'OK' });
    expect(report.stages.find((s) => s.stage === 'input')?.details?.credential).toBe('xoauth2');
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(r.stdout + r.stderr).not.toContain(token.split('.')[2]!.slice(0, 30));
  });

  it('fails with AUTH_FAILED (exit 1) for an expired token, with a German diagnosis', async () => {
    const token = await idp.mintAccessToken({ username: USER, expiresIn: -60 });
    const r = await cli(token, ['--lang', 'de']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('AUTH_FAILED');
    expect(r.stdout).not.toContain(token);
    expect(idp.introspections.at(-1)).toMatchObject({ active: false, reason: 'expired' });
  });

  it('refuses a token for another user', async () => {
    const token = await idp.mintAccessToken({ username: 'someone-else@contoso.example' });
    const r = await cli(token, ['--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('without MAILADAPTER_ACCESS_TOKEN it says what is missing', async () => {
    const r = await cli(undefined, ['--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MAILADAPTER_ACCESS_TOKEN');
  });
});
