/**
 * After login the bridge only moves bytes: client → upstream and upstream → client, unchanged, with backpressure
 * (stream.pipeline pauses a fast side while the other's buffer is full), so IDLE, a 20 MiB FETCH or a large APPEND
 * literal pass without being held in memory. A tap watches the upstream's bytes without changing them: the first
 * reply tells "authenticated but not connected", and the tail tells whether the upstream said BYE on its own.
 */
import type { Duplex } from 'node:stream';
import { pipeline, Transform, type TransformCallback } from 'node:stream';

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

class Tap extends Transform {
  head = '';
  tail: Buffer = Buffer.alloc(0);
  bytes = 0;

  constructor(private readonly onChunk: (n: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.onChunk(chunk.length);
    if (this.head.length < HEAD_BYTES) this.head += chunk.subarray(0, HEAD_BYTES - this.head.length).toString('latin1');
    this.tail = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES);
    done(null, chunk);
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

/** Relays until either side ends; resolves once both directions are done and both sockets are destroyed. */
export function relay(opts: RelayOptions): Promise<RelayEnd> {
  const { client, upstream } = opts;
  const up = new Tap((n) => opts.onBytes('client', n));
  const down = new Tap((n) => opts.onBytes('upstream', n));
  let by: RelayEnd['by'] | undefined;
  client.once('end', () => (by ??= 'client'));
  client.once('close', () => (by ??= 'client'));
  upstream.once('end', () => (by ??= 'upstream'));
  upstream.once('close', () => (by ??= 'upstream'));
  if (opts.upstreamRemainder.length > 0) down.write(opts.upstreamRemainder);
  if (opts.clientRemainder.length > 0) up.write(opts.clientRemainder);
  return new Promise((resolve) => {
    let open = 2;
    const finish = (err: Error | null | undefined) => {
      if (err) by ??= 'error';
      // One direction ending ends the session: IMAP has no use for a half-open connection.
      client.destroy();
      upstream.destroy();
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
    pipeline(client, up, upstream, finish);
    pipeline(upstream, down, client, finish);
  });
}
