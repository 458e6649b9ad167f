/**
 * Benchmark (not a test): round trips to a verdict — login plus INBOX check — on a simulated 50 ms round-trip link,
 * for this probe, imapflow with default settings and curl; plus the time to a verdict against a silent server.
 *
 *   npm run bench:probe
 *
 * Round trips = (t(25 ms one way) − t(0 ms)) / 50 ms, so process start-up and CPU time cancel out.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

import { probe } from '@core/imap/probe';
import { ImapFlow } from 'imapflow';

import { createTestPki } from '../fixtures/certs';
import { startDelayProxy } from '../fixtures/delay-proxy';
import { startDovecot } from '../fixtures/dovecot';
import { imapResponder } from '../fixtures/imap-responder';
import { startScriptedImap } from '../fixtures/scripted-imap';

const ONE_WAY_MS = 25;
const RUNS = 5;
const CURL_CAP_S = 20;
const USER = 'bench@contoso.example';
const PASSWORD = 'bench-Pässword-1';

type Client = (port: number) => Promise<void>;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function timeIt(client: Client, port: number): Promise<number> {
  const started = performance.now();
  await client(port);
  return performance.now() - started;
}

async function main() {
  await promisify(execFile)('curl', ['--version']).catch(() => {
    throw new Error('curl is missing: apt-get install curl');
  });
  const pki = await createTestPki();
  const dir = await mkdtemp(path.join(tmpdir(), 'mailadapter-bench-'));
  const caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, pki.ca.cert);
  const dovecot = await startDovecot({
    users: [
      {
        name: USER,
        password: PASSWORD,
        messages: ['Subject: a\n\none\n', 'Subject: b\n\ntwo\n', 'Subject: c\n\nthree\n'],
      },
    ],
    certificate: { cert: pki.valid, ca: pki.ca.cert },
  });
  const target = { host: '127.0.0.1', port: dovecot.imapsPort };
  const direct = await startDelayProxy({ target, delayMs: 0 });
  const slow = await startDelayProxy({ target, delayMs: ONE_WAY_MS });

  const clients: Record<string, Client> = {
    'this probe': async (port) => {
      const report = await probe(
        { host: '127.0.0.1', port, security: 'tls', user: USER, credential: { kind: 'password', password: PASSWORD } },
        { ca: [pki.ca.cert] },
      );
      if (report.code !== 'OK') throw new Error(`probe: ${report.code}`);
    },
    'imapflow defaults': async (port) => {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: true,
        auth: { user: USER, pass: PASSWORD },
        tls: { ca: pki.ca.cert, servername: 'localhost' },
        logger: false,
      });
      client.on('error', () => {});
      await client.connect();
      const status = await client.status('INBOX', { messages: true });
      if (!status || status.messages !== 3) throw new Error('imapflow: wrong count');
      client.close();
    },
    'curl STATUS': async (port) => {
      const { stdout } = await promisify(execFile)('curl', [
        '-s',
        '--cacert',
        caFile,
        '--resolve',
        `localhost:${port}:127.0.0.1`,
        '--user',
        `${USER}:${PASSWORD}`,
        `imaps://localhost:${port}/`,
        '-X',
        'STATUS INBOX (MESSAGES)',
      ]);
      if (!stdout.includes('MESSAGES 3')) throw new Error(`curl: ${stdout}`);
    },
  };

  console.log(
    `Round trips to a verdict (login + INBOX check), ${2 * ONE_WAY_MS} ms simulated RTT, median of ${RUNS} runs against Dovecot`,
  );
  console.log('| client | t(0 ms) | t(50 ms RTT) | round trips |');
  console.log('|---|---:|---:|---:|');
  for (const [name, client] of Object.entries(clients)) {
    await client(direct.port); // warm-up: JIT, TLS context
    const t0: number[] = [];
    const t1: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t0.push(await timeIt(client, direct.port));
      t1.push(await timeIt(client, slow.port));
    }
    const rtt = (median(t1) - median(t0)) / (2 * ONE_WAY_MS);
    console.log(`| ${name} | ${median(t0).toFixed(0)} ms | ${median(t1).toFixed(0)} ms | ${rtt.toFixed(1)} |`);
  }
  await Promise.all([direct.close(), slow.close(), dovecot.stop()]);

  // A server that completes TLS and then never says a word.
  const silent = await startScriptedImap({ tls: pki.valid, script: imapResponder({ greeting: 'silent' }) });
  const verdicts = await Promise.all([
    (async () => {
      const started = performance.now();
      const report = await probe(
        { host: '127.0.0.1', port: silent.port, user: USER, credential: { kind: 'password', password: PASSWORD } },
        { ca: [pki.ca.cert] },
      );
      return `| this probe (default deadline 20 s) | ${((performance.now() - started) / 1000).toFixed(1)} s | ${report.code} |`;
    })(),
    (async () => {
      const started = performance.now();
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: silent.port,
        secure: true,
        auth: { user: USER, pass: PASSWORD },
        tls: { ca: pki.ca.cert, servername: 'localhost' },
        logger: false,
      });
      client.on('error', () => {});
      const outcome = await client.connect().then(
        () => 'connected?!',
        (err: Error & { code?: string }) => err.code ?? err.message,
      );
      client.close();
      return `| imapflow defaults | ${((performance.now() - started) / 1000).toFixed(1)} s | ${outcome} |`;
    })(),
    new Promise<string>((resolve) => {
      const started = performance.now();
      const child = spawn(
        'curl',
        [
          '-s',
          '--max-time',
          String(CURL_CAP_S),
          '--cacert',
          caFile,
          '--resolve',
          `localhost:${silent.port}:127.0.0.1`,
          '--user',
          `${USER}:${PASSWORD}`,
          `imaps://localhost:${silent.port}/`,
          '-X',
          'STATUS INBOX (MESSAGES)',
        ],
        { stdio: 'ignore' },
      );
      child.on('close', (code) => {
        const seconds = (performance.now() - started) / 1000;
        resolve(
          code === 28
            ? `| curl | waits indefinitely (stopped by the ${CURL_CAP_S} s cap) | - |`
            : `| curl | ${seconds.toFixed(1)} s | exit ${code} |`,
        );
      });
    }),
  ]);
  console.log('\nTime to a verdict against a silent server (TLS accepted, no greeting), default settings');
  console.log('| client | time to verdict | outcome |');
  console.log('|---|---:|---|');
  for (const line of verdicts) console.log(line);
  await silent.close();
  await pki.dispose();
  await rm(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
