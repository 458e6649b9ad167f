/**
 * A reset (TCP RST) is an active refusal by the server or by a firewall on the way. Whether the client notices it
 * while connecting or a moment later is down to timing, so the verdict must not depend on it: the same resetting
 * server gives the same code every time. Servers here are plain Node sockets on 127.0.0.1 torn down with
 * `resetAndDestroy()`, which sends a real RST.
 */
import net from 'node:net';

import type { ProbeCode, ProbeStage } from '@shared/probe/codes';
import type { Security } from '@shared/probe/codes';
import { stageOf } from '@shared/probe/report';
import { createTestPki, type TestPki } from '@test/fixtures/certs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { baseInput, expectBackTo, expectNoSecret, openResources, timedProbe } from './probe-kit';

let pki: TestPki;

beforeAll(async () => {
  pki = await createTestPki();
});

afterAll(async () => {
  await pki?.dispose();
});

/** A listener whose every connection gets `onConnection`; closed after `use`. */
async function withServer<T>(
  onConnection: (socket: net.Socket, index: number) => void,
  use: (port: number) => Promise<T>,
) {
  let index = 0;
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    onConnection(socket, index++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use((server.address() as net.AddressInfo).port);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function verdicts(port: number, security: Security, runs: number) {
  const out: Array<{ code: ProbeCode; stage: ProbeStage }> = [];
  for (let i = 0; i < runs; i++) {
    const { report, elapsedMs } = await timedProbe(baseInput(port, { security }), {
      ca: [pki.ca.cert],
      deadlineMs: 3000,
    });
    expect(elapsedMs).toBeLessThan(3000);
    expectNoSecret(JSON.stringify(report));
    out.push({ code: report.code, stage: report.stage });
    if (report.code === 'TCP_RESET') {
      expect(stageOf(report, 'tcp')).toMatchObject({
        status: 'failed',
        details: { attempts: [{ address: '127.0.0.1', result: 'reset' }] },
      });
      expect(stageOf(report, 'tls')?.status).toBe('skipped');
    }
  }
  return out;
}

const distinct = (list: Array<{ code: ProbeCode; stage: ProbeStage }>) => [
  ...new Set(list.map((v) => `${v.code}@${v.stage}`)),
];

describe('a resetting server', () => {
  for (const security of ['tls', 'starttls'] as const) {
    it(`gives TCP_RESET at the TCP stage 20 times in a row, however the reset is timed (${security})`, async () => {
      const baseline = openResources();
      // At once (usually seen while connecting), on the next turn and after 2 ms (seen after "connected").
      const timings = [
        (s: net.Socket) => s.resetAndDestroy(),
        (s: net.Socket) => setImmediate(() => s.resetAndDestroy()),
        (s: net.Socket) => setTimeout(() => s.resetAndDestroy(), 2),
      ];
      const seen = await withServer(
        (socket, i) => timings[i % timings.length]!(socket),
        (port) => verdicts(port, security, 20),
      );
      expect(seen).toHaveLength(20);
      expect(distinct(seen)).toEqual(['TCP_RESET@tcp']);
      await expectBackTo(baseline);
    });
  }

  it('right after the TCP accept, before any greeting: TCP_RESET (STARTTLS waits for the greeting)', async () => {
    const seen = await withServer(
      (socket) => setTimeout(() => socket.resetAndDestroy(), 20),
      (port) => verdicts(port, 'starttls', 3),
    );
    expect(distinct(seen)).toEqual(['TCP_RESET@tcp']);
  });

  it('in answer to the TLS ClientHello, before sending a byte (a filter judging the server name): TCP_RESET', async () => {
    const seen = await withServer(
      (socket) => socket.once('data', () => socket.resetAndDestroy()),
      (port) => verdicts(port, 'tls', 5),
    );
    expect(distinct(seen)).toEqual(['TCP_RESET@tcp']);
  });

  it('after the server began the TLS handshake: TLS_HANDSHAKE_FAILED with the reset as evidence', async () => {
    // A TLS record header and the start of a ServerHello, then the reset.
    const partialHello = Buffer.from([0x16, 0x03, 0x03, 0x00, 0x2a, 0x02, 0x00, 0x00, 0x26, 0x03, 0x03]);
    const errors: string[] = [];
    const seen = await withServer(
      (socket) =>
        socket.once('data', () => {
          socket.write(partialHello);
          setTimeout(() => socket.resetAndDestroy(), 10);
        }),
      async (port) => {
        const out = [];
        for (let i = 0; i < 5; i++) {
          const { report } = await timedProbe(baseInput(port), { ca: [pki.ca.cert], deadlineMs: 3000 });
          errors.push(report.tls?.error ?? '');
          expect(stageOf(report, 'tcp')?.status).toBe('ok');
          out.push({ code: report.code, stage: report.stage });
        }
        return out;
      },
    );
    expect(distinct(seen)).toEqual(['TLS_HANDSHAKE_FAILED@tls']);
    for (const error of errors) expect(error).toContain('ECONNRESET');
  });

  // During a TLS handshake Node may report a reset as a plain close ("Client network socket disconnected before
  // secure TLS connection was established"; seen in about one of ten fresh command-line runs), so there a close
  // before the server's first byte gives the same verdict. A plain socket tells the two apart.
  for (const [security, verdict] of [
    ['tls', 'TCP_RESET@tcp'],
    ['starttls', 'CONNECTION_LOST@greeting'],
  ] as const) {
    it(`a plain close (FIN) before the first byte (${security}): ${verdict}`, async () => {
      const baseline = openResources();
      const seen = await withServer(
        // Reading on lets the server side see the client's own close.
        (socket) => socket.end().resume(),
        (port) => verdicts(port, security, 3),
      );
      expect(distinct(seen)).toEqual([verdict]);
      await expectBackTo(baseline);
    });
  }
});
