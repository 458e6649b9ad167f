/**
 * After login the bridge only moves bytes: client → upstream and upstream → client, unchanged, with backpressure
 * (a side is paused while the other's write buffer is full, and resumed on 'drain' — what stream.pipeline does,
 * without a stream object per chunk in between), so IDLE, a 20 MiB FETCH or a large APPEND literal pass without
 * being held in memory. The upstream's bytes are watched, never changed: the first reply tells "authenticated but
 * not connected", the tail tells whether the upstream said BYE on its own.
 */
import type { Duplex } from 'node:stream';

const HEAD_BYTES = 4096;
const TAIL_BYTES = 1024;

export interface RelayEnd {
  /** Who closed first. */
  by: 'client' | 'upstream' | 'error';
  /**
   * How the upstream's side ended when it closed first: with its own BYE (line kept), after the BYE of a LOGOUT
   * (a tagged completion follows it), or without a word (dropped).
   */
  upstreamEnd?: { kind: 'bye'; line: string } | { kind: 'logout' } | { kind: 'dropped' };
  /** The upstream answered the first mailbox command with "authenticated but not connected". */
  notConnected: boolean;
  bytesFromClient: number;
  bytesFromUpstream: number;
}

/** Keeps the first and the last bytes of a direction, and counts them. */
class Watch {
  head = '';
  tail: Buffer = Buffer.alloc(0);
  bytes = 0;

  see(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.head.length < HEAD_BYTES) this.head += chunk.subarray(0, HEAD_BYTES - this.head.length).toString('latin1');
    this.tail =
      chunk.length >= TAIL_BYTES
        ? chunk.subarray(chunk.length - TAIL_BYTES)
        : Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES);
  }
}

function upstreamEnd(tail: Buffer): RelayEnd['upstreamEnd'] {
  const lines = tail.toString('latin1').split('\r\n').filter(Boolean);
  const last = lines.at(-1);
  if (last && /^\* BYE\b/i.test(last)) return { kind: 'bye', line: last.slice(0, 300) };
  return lines.some((l) => /^\* BYE\b/i.test(l)) ? { kind: 'logout' } : { kind: 'dropped' };
}

export interface RelayOptions {
  client: Duplex;
  upstream: Duplex;
  /** Bytes the client pipelined behind its login, for the upstream. */
  clientRemainder: Buffer;
  /** Bytes the upstream sent after its login OK, for the client (after the bridge's own OK). */
  upstreamRemainder: Buffer;
  onBytes: (from: 'client' | 'upstream', n: number) => void;
}

/**
 * Moves `from`'s bytes to `to`, pausing `from` while `to` cannot take more. TLS hands out one record (≤ 16 KiB)
 * per 'data'; records that arrive in the same tick leave in one writev (cork until the tick ends).
 */
function forward(from: Duplex, to: Duplex, watch: Watch, onBytes: (n: number) => void): void {
  let corked = false;
  const uncork = () => {
    corked = false;
    to.uncork();
  };
  from.on('data', (chunk: Buffer) => {
    watch.see(chunk);
    onBytes(chunk.length);
    if (!corked) {
      corked = true;
      to.cork();
      process.nextTick(uncork);
    }
    if (!to.write(chunk)) from.pause();
  });
  to.on('drain', () => from.resume());
}

/** Relays until either side ends; resolves once both sockets are closed. */
export function relay(opts: RelayOptions): Promise<RelayEnd> {
  const { client, upstream } = opts;
  const up = new Watch();
  const down = new Watch();
  let by: RelayEnd['by'] | undefined;
  return new Promise((resolve) => {
    let open = 2;
    const closed = () => {
      if (--open > 0) return;
      const ended = by === 'upstream' ? upstreamEnd(down.tail) : undefined;
      resolve({
        by: by ?? 'error',
        ...(ended ? { upstreamEnd: ended } : {}),
        notConnected: /^[^\r\n]* BAD User is authenticated but not connected/im.test(down.head),
        bytesFromClient: up.bytes,
        bytesFromUpstream: down.bytes,
      });
    };
    // One side ending ends the session: IMAP has no use for a half-open connection.
    const end = (who: 'client' | 'upstream' | 'error') => () => {
      by ??= who;
      client.destroy();
      upstream.destroy();
    };
    for (const [socket, who] of [
      [client, 'client'],
      [upstream, 'upstream'],
    ] as const) {
      socket.once('end', end(who));
      socket.once('close', end(who));
      socket.on('error', end('error'));
      if (socket.destroyed) queueMicrotask(closed);
      else socket.once('close', closed);
    }
    if (opts.upstreamRemainder.length > 0) {
      down.see(opts.upstreamRemainder);
      client.write(opts.upstreamRemainder);
    }
    if (opts.clientRemainder.length > 0) {
      up.see(opts.clientRemainder);
      upstream.write(opts.clientRemainder);
    }
    forward(client, upstream, up, (n) => opts.onBytes('client', n));
    forward(upstream, client, down, (n) => opts.onBytes('upstream', n));
    // The login dialogue may have paused either side (ImapConnection and ClientReader are detached now).
    client.resume();
    upstream.resume();
  });
}
