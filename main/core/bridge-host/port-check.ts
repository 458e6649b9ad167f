/**
 * The free-port check behind *Adresse prüfen*: a bind test on the address (released at once), and when the port
 * is taken, who holds it — agorum core runs an IMAP server of its own, which answers with an IMAP greeting — and
 * addresses that are free instead (the engine's own list: another loopback address with the same port, then
 * another port).
 */
import net from 'node:net';

import type { BridgePortCheck } from '@shared/bridge/host-view';

import { bind, BridgeStartError } from '../bridge/listener';

const GREETING_WAIT_MS = 1500;
const IMAP_GREETING = /^\* (OK|PREAUTH|BYE)\b/i;

/** Reads the first line the occupant sends (IMAP servers greet first); null when it stays silent or refuses. */
export function firstLine(host: string, port: number, waitMs = GREETING_WAIT_MS): Promise<string | null> {
  return new Promise((resolve) => {
    let buffered = '';
    const socket = net.connect({ host, port });
    const done = (line: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(line);
    };
    const timer = setTimeout(() => done(buffered ? buffered.slice(0, 300) : null), waitMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end >= 0 || buffered.length > 300) done(buffered.slice(0, end >= 0 ? end : 300).replace(/\r$/, ''));
    });
    socket.on('error', () => done(null));
    socket.on('close', () => done(buffered || null));
  });
}

export async function checkPort(host: string, port: number): Promise<BridgePortCheck> {
  const server = net.createServer();
  try {
    await bind(server, host, port);
    return { host, port, free: true, ownBridge: false, problem: null, occupant: null, alternatives: [] };
  } catch (err) {
    if (!(err instanceof BridgeStartError)) throw err;
    const taken = err.code === 'BRIDGE_PORT_IN_USE';
    const greeting = taken ? await firstLine(host, port) : null;
    return {
      host,
      port,
      free: false,
      ownBridge: false,
      problem: { code: err.code, message: err.message },
      occupant: taken ? { speaksImap: greeting !== null && IMAP_GREETING.test(greeting), greeting } : null,
      alternatives: err.alternatives,
    };
  } finally {
    await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  }
}
