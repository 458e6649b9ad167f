/**
 * Benchmark (not a test): the OAuth bridge against a direct XOAUTH2 connection to the same Dovecot, in one run.
 *
 *   npm run bench:bridge
 *
 * - throughput: FETCH of one 20 MiB message and of 1,000 small ones (bridge as its own process, like in production);
 * - login: connect → tagged OK at 0 and 50 ms RTT upstream (delay proxy); added round trips =
 *   ((bridge@50 − bridge@0) − (direct@50 − direct@0)) / 50 ms, so CPU and start-up cancel out;
 * - memory per idle logged-in session (the bridge process's RSS);
 * - 1,000 sequential sessions through an in-process bridge: open file descriptors and heap (after GC) before/after.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { createServerExport } from '../../main/core/bridge/server-export';
import { startDelayProxy } from '../fixtures/delay-proxy';
import { freePort } from '../fixtures/dovecot';
import { TEST_CLIENT_ID } from '../fixtures/oidc-provider';
import {
  accountConfig,
  bridgeConfig,
  keychainStore,
  memorySlot,
  message,
  PASSWORD,
  signIn,
  startBridge,
  startIdpAndDovecot,
  USER,
} from '../integration/bridge/bridge-kit';
import { Conn } from './counting-imap-client';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ONE_WAY_MS = 25;
const MiB = 1024 * 1024;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

async function main() {
  const small = Array.from({ length: 1000 }, (_, i) =>
    message(i + 1, `${'Lorem ipsum dolor sit amet. '.repeat(40)}\n`),
  );
  const bigMessage = message(0, `${'z'.repeat(1023)}\n`.repeat(20 * 1024));
  const { idp, dovecot } = await startIdpAndDovecot([...small, bigMessage]);
  const { cache } = await signIn(idp);
  const slow = await startDelayProxy({ target: { host: '127.0.0.1', port: dovecot.imapsPort }, delayMs: ONE_WAY_MS });
  const children: ChildProcess[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'maa-bridge-bench-'));
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, `${readFileSync(idp.caPath, 'utf8')}\n${dovecot.ca}`);

  /** A bridge process from the one-file export, as a server would run it. */
  async function bridgeProcess(upstreamPort: number): Promise<{ port: number; pid: number }> {
    const port = await freePort();
    const { text } = await createServerExport({
      account: {
        id: 'bench',
        mailbox: USER,
        upstream: { host: '127.0.0.1', port: upstreamPort },
        oauth: { authority: `https://${idp.host}`, tenant: idp.tenantId, clientId: TEST_CLIENT_ID },
      },
      password: PASSWORD,
      msalCache: cache,
      listen: { host: '127.0.0.1', port },
      limits: { sessionsPerAccount: 200, connections: 300 },
    });
    const file = path.join(dir, `bridge-${port}.json`);
    writeFileSync(file, text);
    // --import tsx keeps it one process, so its RSS is the bridge's own.
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/bridge.ts', '--config', file], {
      cwd: root,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, MAILADAPTER_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d));
    for (let i = 0; i < 200; i++) {
      const open = await new Promise<boolean>((r) =>
        net
          .connect(port, '127.0.0.1')
          .once('connect', function (this: net.Socket) {
            this.destroy();
            r(true);
          })
          .once('error', () => r(false)),
      );
      if (open) return { port, pid: child.pid! };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`bridge did not start: ${err}`);
  }

  const bridgeFast = await bridgeProcess(dovecot.imapsPort);
  const bridgeSlow = await bridgeProcess(slow.port);
  const token = await idp.mintAccessToken({ username: USER, expiresIn: 3600 });
  const xoauth = Buffer.from(`user=${USER}\x01auth=Bearer ${token}\x01\x01`).toString('base64');

  const login = async (kind: 'direct' | 'bridge', port: number): Promise<Conn> => {
    const c = await Conn.open(port, kind === 'direct' ? dovecot.ca : undefined, true);
    await c.greeted;
    await c.cmd('A', kind === 'direct' ? `AUTHENTICATE XOAUTH2 ${xoauth}` : `LOGIN ${USER} ${PASSWORD}`);
    return c;
  };
  const loginTime = async (kind: 'direct' | 'bridge', port: number) => {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const c = await login(kind, port);
      samples.push(performance.now() - t);
      c.close();
    }
    return median(samples);
  };
  const fetchOnce = async (kind: 'direct' | 'bridge', port: number, range: string) => {
    const c = await login(kind, port);
    await c.cmd('B', 'SELECT INBOX');
    const start = c.bytes;
    const t = performance.now();
    await c.cmd('C', `FETCH ${range} BODY.PEEK[]`);
    const seconds = (performance.now() - t) / 1000;
    c.close();
    return (c.bytes - start) / MiB / seconds;
  };
  /** Direct and bridge runs alternate, so drift on a busy machine hits both alike; median of 5 each. */
  const compare = async (range: string) => {
    const direct: number[] = [];
    const bridged: number[] = [];
    for (let i = 0; i < 5; i++) {
      direct.push(await fetchOnce('direct', dovecot.imapsPort, range));
      bridged.push(await fetchOnce('bridge', bridgeFast.port, range));
    }
    return { direct: median(direct), bridge: median(bridged) };
  };

  // Maildir order decides sequence numbers: find the big one.
  let bigSeq: number;
  {
    const c = await login('direct', dovecot.imapsPort);
    await c.cmd('B', 'SELECT INBOX');
    let out = '';
    c.socket.on('data', (d: Buffer) => (out += d.length < 4096 ? d.toString('latin1') : ''));
    await c.cmd('S', 'SEARCH LARGER 1000000');
    bigSeq = Number(/\* SEARCH (\d+)/.exec(out)?.[1]);
    c.close();
  }
  const smallRange = [bigSeq > 1 ? `1:${bigSeq - 1}` : '', bigSeq < 1001 ? `${bigSeq + 1}:1001` : '']
    .filter(Boolean)
    .join(',');

  console.error('bench: servers up, measuring throughput');
  for (const k of ['direct', 'bridge'] as const)
    await login(k, k === 'direct' ? dovecot.imapsPort : bridgeFast.port).then((c) => c.close()); // warm-up
  const big = await compare(String(bigSeq));
  const smalls = await compare(smallRange);
  const rate = { bigDirect: big.direct, bigBridge: big.bridge, smallDirect: smalls.direct, smallBridge: smalls.bridge };
  console.error('bench: login times');
  await login('bridge', bridgeSlow.port).then((c) => c.close()); // token and password check warm
  const t = {
    d0: await loginTime('direct', dovecot.imapsPort),
    d50: await loginTime('direct', slow.port),
    b0: await loginTime('bridge', bridgeFast.port),
    b50: await loginTime('bridge', bridgeSlow.port),
  };
  const rtt = 2 * ONE_WAY_MS;
  const added = (t.b50 - t.b0 - (t.d50 - t.d0)) / rtt;

  console.error('bench: memory and 1,000 sessions');
  // Memory per idle session: RSS of a fresh bridge process, after one login, and with 64 idle logged-in sessions.
  const rss = (pid: number) =>
    Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;
  const fresh = await bridgeProcess(dovecot.imapsPort);
  await login('bridge', fresh.port).then((c) => c.cmd('L', 'LOGOUT').then(() => c.close()));
  await new Promise((r) => setTimeout(r, 1000));
  const rssBefore = rss(fresh.pid);
  const idle: Conn[] = [];
  for (let i = 0; i < 64; i++) idle.push(await login('bridge', fresh.port));
  await new Promise((r) => setTimeout(r, 1000));
  const perSession = (rss(fresh.pid) - rssBefore) / idle.length;
  idle.forEach((c) => c.close());
  await new Promise((r) => setTimeout(r, 1000));

  // 1,000 sequential sessions through an in-process bridge: descriptors and heap after GC, before and after.
  const gc = (globalThis as { gc?: () => void }).gc;
  const inproc = await startBridge(
    await bridgeConfig(await accountConfig(idp, dovecot.imapsPort)),
    keychainStore(memorySlot(cache)),
    { idp, ca: dovecot.ca, log: undefined },
  );
  const fds = () => readdirSync('/proc/self/fd').length;
  const heap = () => {
    gc?.();
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  for (let i = 0; i < 20; i++)
    await login('bridge', inproc.port).then((c) => c.cmd('L', 'LOGOUT').then(() => c.close()));
  await new Promise((r) => setTimeout(r, 300));
  const before = { fds: fds(), heap: heap() };
  const seqStart = performance.now();
  for (let i = 0; i < 1000; i++) {
    const c = await login('bridge', inproc.port).catch((err: Error) => {
      throw new Error(
        `session ${i}: ${err.message} — ${JSON.stringify(inproc.bridge.status().accounts[0]?.lastLogin)}`,
      );
    });
    await c.cmd('N', 'NOOP');
    await c.cmd('L', 'LOGOUT');
    c.close();
  }
  const seqSeconds = (performance.now() - seqStart) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  const after = { fds: fds(), heap: heap() };

  const f = (n: number, d = 1) => n.toFixed(d);
  const rows: string[][] = [
    [
      'FETCH one 20 MiB message',
      `${f(rate.bigDirect)} MiB/s`,
      `${f(rate.bigBridge)} MiB/s`,
      `ratio ${f(rate.bigBridge / rate.bigDirect, 2)}`,
      '≥ 0.9',
    ],
    [
      'FETCH 1,000 small messages',
      `${f(rate.smallDirect)} MiB/s`,
      `${f(rate.smallBridge)} MiB/s`,
      `ratio ${f(rate.smallBridge / rate.smallDirect, 2)}`,
      '≥ 0.9',
    ],
    [
      'login, 0 ms RTT upstream',
      `${f(t.d0)} ms`,
      `${f(t.b0)} ms`,
      `${t.b0 - t.d0 >= 0 ? '+' : ''}${f(t.b0 - t.d0)} ms`,
      '–',
    ],
    [
      'login, 50 ms RTT upstream',
      `${f(t.d50)} ms (${f((t.d50 - t.d0) / rtt)} RT)`,
      `${f(t.b50)} ms (${f((t.b50 - t.b0) / rtt)} RT)`,
      `added ${f(added, 2)} RT`,
      '≤ 1',
    ],
    ['memory per idle session (64 open)', '–', `${f(perSession / 1024, 0)} KiB`, '', '≤ 1 MiB'],
    [
      `1,000 sequential sessions (${f(seqSeconds)} s)`,
      '–',
      `fds ${before.fds} → ${after.fds}`,
      `heap ${f(before.heap / MiB)} → ${f(after.heap / MiB)} MiB`,
      'no growth',
    ],
  ];
  const head = ['measure', 'direct XOAUTH2', 'through the bridge', 'comparison', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log([line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
  if (!gc) console.log('(heap without forced GC: run through `npm run bench:bridge`, which passes --expose-gc)');

  await inproc.stop();
  for (const c of children) c.kill('SIGTERM');
  await slow.close();
  await dovecot.stop();
  await idp.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
