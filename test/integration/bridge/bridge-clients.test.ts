/**
 * Mail clients nobody here wrote, from Debian's packages, downloading real messages through the bridge: curl's
 * IMAP (LOGIN and AUTHENTICATE PLAIN) and fetchmail (a complete retrieval of the INBOX). They speak plain IMAP
 * to the loopback listener with the local password, as the agorum core mail adapter does.
 */
import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSelfSignedCertificate } from '../../../main/core/bridge/self-signed-cert';
import type { DovecotServer } from '../../fixtures/dovecot';
import { tempDir } from '../../fixtures/ipc-kit';
import type { OidcProvider } from '../../fixtures/oidc-provider';
import {
  accountConfig,
  bridgeConfig,
  keychainStore,
  memorySlot,
  message,
  PASSWORD,
  type RunningBridge,
  signIn,
  startBridge,
  startIdpAndDovecot,
  USER,
} from './bridge-kit';

const run = promisify(execFile);
let idp: OidcProvider;
let dovecot: DovecotServer;
let b: RunningBridge;

beforeAll(async () => {
  ({ idp, dovecot } = await startIdpAndDovecot([message(1), message(2), message(3, 'Grüße aus Köln — ünïcödé body.')]));
  b = await startBridge(
    await bridgeConfig(await accountConfig(idp, dovecot.imapsPort)),
    keychainStore(memorySlot((await signIn(idp)).cache)),
    { idp, ca: dovecot.ca },
  );
});

afterAll(async () => {
  await b?.stop();
  await dovecot?.stop();
  await idp?.stop();
});

describe('curl', () => {
  it('fetches a message by UID with LOGIN', async () => {
    const { stdout } = await run('curl', [
      '-sS',
      '--max-time',
      '15',
      `imap://127.0.0.1:${b.port}/INBOX;UID=1`,
      '-u',
      `${USER}:${PASSWORD}`,
    ]);
    expect(stdout).toContain('Subject: Test 1');
    expect(stdout).toContain('Body of message 1.');
  });

  it('lists folders and fetches with AUTHENTICATE PLAIN (--login-options AUTH=PLAIN)', async () => {
    const list = await run('curl', [
      '-sS',
      '--max-time',
      '15',
      '--login-options',
      'AUTH=PLAIN',
      `imap://127.0.0.1:${b.port}/`,
      '-u',
      `${USER}:${PASSWORD}`,
    ]);
    expect(list.stdout).toMatch(/\* LIST \(.*\) "." INBOX/);
    const msg = await run('curl', [
      '-sS',
      '--max-time',
      '15',
      '--login-options',
      'AUTH=PLAIN',
      `imap://127.0.0.1:${b.port}/INBOX;UID=3`,
      '-u',
      `${USER}:${PASSWORD}`,
    ]);
    expect(msg.stdout).toContain('Grüße aus Köln');
  });

  it('a wrong password fails with curl’s login error (exit 67)', async () => {
    const err = (await run('curl', [
      '-sS',
      '--max-time',
      '15',
      `imap://127.0.0.1:${b.port}/INBOX;UID=1`,
      '-u',
      `${USER}:wrong`,
    ]).catch((e: unknown) => e)) as { code: number };
    expect(err.code).toBe(67);
  });
});

describe('fetchmail', () => {
  /** Runs one complete fetchmail poll; returns what the MDA received and fetchmail's own log. */
  async function fetchAll(port: number, tls: string[], host = '127.0.0.1'): Promise<{ mbox: string; log: string }> {
    const dir = tempDir('maa-fetchmail-');
    const out = path.join(dir, 'mbox');
    const rc = path.join(dir, 'fetchmailrc');
    writeFileSync(out, '');
    writeFileSync(
      rc,
      [
        'set no bouncemail',
        `poll ${host} service ${port} protocol IMAP auth password timeout 20`,
        `  user "${USER}" password "${PASSWORD}" is root here`,
        '  keep fetchall',
        ...tls.map((t) => `  ${t}`),
        `  mda "/bin/sh -c 'cat >> ${out}'"`,
        '',
      ].join('\n'),
    );
    chmodSync(rc, 0o600);
    const env = { ...process.env, HOME: dir, FETCHMAILHOME: dir };
    const result = await run('fetchmail', ['-f', rc, '--nosyslog', '-v'], { env, timeout: 60_000 }).catch(
      (e: unknown) => e as { stdout: string; stderr: string },
    );
    return { mbox: readFileSync(out, 'utf8'), log: `${result.stdout}\n${result.stderr}` };
  }

  it('downloads every message of the INBOX in the clear on loopback (as the adapter does)', async () => {
    // fetchmail tries STARTTLS on its own and gives up when it is not offered; `sslproto ''` is the plain mode.
    const { mbox, log } = await fetchAll(b.port, ["sslproto ''"]);
    expect(mbox.match(/^Subject: Test \d$/gm), log).toEqual(['Subject: Test 1', 'Subject: Test 2', 'Subject: Test 3']);
    expect(mbox).toContain('Grüße aus Köln');
    expect(log).toMatch(/3 messages? for imap@contoso\.example/);
    expect(log).not.toContain(PASSWORD);
  });

  it('downloads through a STARTTLS listener, checking the bridge’s own certificate', async () => {
    const cert = createSelfSignedCertificate(['localhost', '127.0.0.1']);
    const dir = tempDir('maa-fetchmail-ca-');
    writeFileSync(path.join(dir, 'bridge.pem'), cert.cert);
    const tlsBridge = await startBridge(
      await bridgeConfig(await accountConfig(idp, dovecot.imapsPort), {
        listen: { tls: { mode: 'starttls' } },
      }),
      keychainStore(memorySlot((await signIn(idp)).cache)),
      { idp, ca: dovecot.ca, certificate: cert },
    );
    try {
      const { mbox, log } = await fetchAll(
        tlsBridge.port,
        ['sslcertck', `sslcertfile ${path.join(dir, 'bridge.pem')}`],
        'localhost',
      );
      // fetchmail checks the DNS name only (not IP addresses in the certificate), hence "localhost".
      expect(log).toContain('STARTTLS');
      expect(mbox.match(/^Subject: Test \d$/gm), log).toHaveLength(3);
    } finally {
      await tlsBridge.stop();
    }
  });
});
