import type { Duplex } from 'node:stream';

import type { Transcript } from './transcript';

/** A response line (including any literal it carries) longer than this ends the probe instead of growing memory. */
export const MAX_LINE_BYTES = 64 * 1024;
/** Complete lines waiting to be read; a server flooding untagged data beyond this is not doing a login dialogue. */
const MAX_QUEUED_LINES = 2000;

export type ConnectionProblem =
  | { kind: 'closed' }
  | { kind: 'error'; errno?: string; message: string }
  | { kind: 'line-too-long'; bytes: number }
  | { kind: 'flood' };

/** Raised by `readLine` when no further line can come. */
export class ConnectionEnded extends Error {
  constructor(readonly problem: ConnectionProblem) {
    super(problem.kind);
    this.name = 'ConnectionEnded';
  }
}

/**
 * The smallest IMAP line reader/writer: frames CRLF lines, folds `{n}` literals into their line, caps every line
 * at MAX_LINE_BYTES and records both directions in the transcript. Writes take a masked transcript form so a
 * credential never reaches the transcript.
 */
export class ImapConnection {
  private pending: Buffer = Buffer.alloc(0);
  private current: Buffer[] = [];
  private currentBytes = 0;
  private literalLeft = 0;
  private readonly lines: string[] = [];
  private problem: ConnectionProblem | undefined;
  private waiter: { resolve: (line: string) => void; reject: (err: Error) => void } | undefined;
  /** Bytes received so far, complete line or not (tells a trickling server from a silent one). */
  bytesReceived = 0;

  constructor(
    readonly socket: Duplex,
    readonly transcript: Transcript,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  /** Stops reading (for STARTTLS, where the socket is handed to TLS). Returns how many bytes arrived unasked. */
  detach(): number {
    return this.release().length;
  }

  /**
   * Stops reading and returns what arrived but was not read yet, lines framed again with CRLF: the bridge hands
   * these bytes on to its client when it switches from the login dialogue to relaying.
   */
  release(): Buffer {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    const unread = Buffer.concat([
      ...this.lines.map((l) => Buffer.from(`${l}\r\n`, 'utf8')),
      ...this.current,
      this.pending,
    ]);
    this.pending = Buffer.alloc(0);
    this.current = [];
    this.currentBytes = 0;
    this.lines.length = 0;
    return unread;
  }

  /** Next complete line; rejects with ConnectionEnded when the connection can deliver no more. */
  readLine(signal?: AbortSignal): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.problem) return Promise.reject(new ConnectionEnded(this.problem));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiter = undefined;
        reject(new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = {
        resolve: (line) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(line);
        },
        reject: (err) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
      };
    });
  }

  /** Writes one command line; `shown` is what the transcript records (the masked form when it carries a secret). */
  writeLine(line: string | Buffer, shown: string = line.toString()): void {
    this.transcript.add('client', shown);
    this.write(line);
    this.write('\r\n');
  }

  /** Writes raw bytes without a transcript entry (literal payloads, already recorded by the caller). */
  write(data: string | Buffer): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(data);
  }

  get ended(): ConnectionProblem | undefined {
    return this.problem;
  }

  private readonly onData = (chunk: Buffer): void => {
    if (this.problem) return;
    this.bytesReceived += chunk.length;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.drain();
    this.deliver();
  };

  private drain(): void {
    while (this.pending.length > 0 && !this.problem) {
      if (this.literalLeft > 0) {
        const take = Math.min(this.literalLeft, this.pending.length);
        this.append(this.pending.subarray(0, take));
        this.pending = this.pending.subarray(take);
        this.literalLeft -= take;
        continue;
      }
      const nl = this.pending.indexOf(0x0a);
      if (nl < 0) {
        this.checkLength(this.currentBytes + this.pending.length);
        return;
      }
      const end = nl > 0 && this.pending[nl - 1] === 0x0d ? nl - 1 : nl;
      const segment = this.pending.subarray(0, end);
      this.pending = this.pending.subarray(nl + 1);
      this.append(segment);
      if (this.problem) return;
      const literal = /\{(\d{1,10})\+?\}$/.exec(segment.toString('latin1'));
      if (literal?.[1] !== undefined) {
        const size = Number(literal[1]);
        this.checkLength(this.currentBytes + size);
        this.append(Buffer.from('\r\n'));
        this.literalLeft = size;
        continue;
      }
      this.finishLine();
    }
  }

  private append(part: Buffer): void {
    this.current.push(Buffer.from(part));
    this.currentBytes += part.length;
    this.checkLength(this.currentBytes);
  }

  private checkLength(bytes: number): void {
    if (bytes > MAX_LINE_BYTES && !this.problem) {
      this.problem = { kind: 'line-too-long', bytes };
      this.transcript.add('note', `response line exceeds ${MAX_LINE_BYTES} bytes; reading stopped`);
      this.current = [];
      this.pending = Buffer.alloc(0);
    }
  }

  private finishLine(): void {
    const line = Buffer.concat(this.current).toString('utf8');
    this.current = [];
    this.currentBytes = 0;
    this.transcript.add('server', line);
    if (this.lines.length >= MAX_QUEUED_LINES) {
      this.problem = { kind: 'flood' };
      return;
    }
    this.lines.push(line);
  }

  private deliver(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const line = this.lines.shift();
    if (line !== undefined) {
      this.waiter = undefined;
      waiter.resolve(line);
    } else if (this.problem) {
      this.waiter = undefined;
      waiter.reject(new ConnectionEnded(this.problem));
    }
  }

  private readonly onEnd = (): void => {
    this.problem ??= { kind: 'closed' };
    this.deliver();
  };

  private readonly onError = (err: Error & { code?: string }): void => {
    this.problem ??= { kind: 'error', message: err.message, ...(err.code ? { errno: err.code } : {}) };
    this.deliver();
  };
}
