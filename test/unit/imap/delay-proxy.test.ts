/** The benchmark's WAN stand-in must cost what a real link costs: one RTT to connect, one per exchange. */
import net from 'node:net';

import { type DelayProxy, startDelayProxy } from '@test/fixtures/delay-proxy';
import { afterAll, beforeAll, expect, it } from 'vitest';

const D = 40;
let echo: net.Server;
let proxy: DelayProxy;

beforeAll(async () => {
  echo = net.createServer((s) => s.pipe(s));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  proxy = await startDelayProxy({
    target: { host: '127.0.0.1', port: (echo.address() as net.AddressInfo).port },
    delayMs: D,
  });
});

afterAll(async () => {
  await proxy.close();
  await new Promise((r) => echo.close(r));
});

it('delays the first exchange by connect + one RTT and each further exchange by one RTT, in order', async () => {
  const socket = net.connect({ host: '127.0.0.1', port: proxy.port, noDelay: true });
  const received: string[] = [];
  const nextData = () => new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())));
  await new Promise((r) => socket.once('connect', r));
  let started = performance.now();
  socket.write('one');
  received.push(await nextData());
  const first = performance.now() - started;
  started = performance.now();
  socket.write('two');
  received.push(await nextData());
  const second = performance.now() - started;
  socket.destroy();
  expect(received).toEqual(['one', 'two']);
  // Node timers may fire up to ~1 ms before performance.now() says they are due: allow 1.5 ms per delayed hop.
  expect(first).toBeGreaterThanOrEqual(4 * D - 6);
  expect(first).toBeLessThan(4 * D + 300);
  expect(second).toBeGreaterThanOrEqual(2 * D - 3);
  expect(second).toBeLessThan(2 * D + 300);
});
