/**
 * Frames what an IMAP client sends before login: CRLF lines with synchronising (`{n}`, answered with a
 * continuation request) and non-synchronising (`{n+}`) literals, each command capped at `maxBytes` so a client
 * can never grow the bridge's memory. Also hands out raw lines (SASL responses) and, at login, the bytes a
 * client pipelined behind its login, which belong to the upstream.
 */
import type { Duplex } from 'node:stream';

/** One command: its line segments and, after each segment that ends in a literal marker, that literal's bytes. */
export interface RawCommand {
  segments: Buffer[];
  literals: Buffer[];
  bytes: number;
}

export type ReaderEvent =
  | { kind: 'command'; command: RawCommand }
  | { kind: 'line'; line: Buffer }
  /** A synchronising literal above the limit: refused before the client sends it; `tag` is the command's. */
  | { kind: 'literal-refused'; tag: string; size: number }
  | { kind: 'too-long'; bytes: number }
  | { kind: 'closed' };

const CRLF = Buffer.from('\r\n');
const LITERAL_AT_END = /\{(\d{1,10})(\+?)\}$/;

export class ClientReader {
  private buffer: Buffer = Buffer.alloc(0);
  private command: RawCommand = { segments: [], literals: [], bytes: 0 };
  private literalLeft = -1;
  private literalParts: Buffer[] = [];
  private mode: 'command' | 'line' = 'command';
  private readonly events: ReaderEvent[] = [];
  private waiter: ((e: ReaderEvent) => void) | undefined;
  private ended = false;
  private paused = false;

  constructor(
    private socket: Duplex,
    private readonly maxBytes: number,
    /** Writes the continuation request for a synchronising literal. */
    private readonly requestLiteral: () => void,
    private readonly onBytes: (n: number) => void = () => {},
  ) {
    this.attach(socket);
  }

  private attach(socket: Duplex): void {
    this.socket = socket;
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onEnd);
  }

  private detachListeners(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onEnd);
  }

  /** STARTTLS: anything buffered was sent in the clear before the handshake and is dropped (no injection). */
  switchTo(socket: Duplex): void {
    this.detachListeners();
    this.buffer = Buffer.alloc(0);
    this.command = { segments: [], literals: [], bytes: 0 };
    this.events.length = 0;
    this.attach(socket);
  }

  /** Stops reading and returns every byte received but not consumed (what the client pipelined). */
  release(): Buffer {
    this.detachListeners();
    const parts: Buffer[] = [];
    this.command.segments.forEach((segment, i) => {
      parts.push(segment, CRLF);
      const literal = this.command.literals[i];
      if (literal) parts.push(literal);
    });
    parts.push(...this.literalParts, this.buffer);
    this.buffer = Buffer.alloc(0);
    return Buffer.concat(parts);
  }

  /** The next complete command (mode 'command') or raw line (mode 'line'). */
  next(mode: 'command' | 'line' = 'command'): Promise<ReaderEvent> {
    // An event parsed before anyone asked was framed in the mode of the previous call, which is the right one.
    const early = this.events.shift();
    if (early) return Promise.resolve(early);
    this.mode = mode;
    this.paused = false;
    this.parse();
    const queued = this.events.shift();
    if (queued) return Promise.resolve(queued);
    if (this.ended) return Promise.resolve({ kind: 'closed' });
    return new Promise((resolve) => (this.waiter = resolve));
  }

  private emit(event: ReaderEvent): void {
    // One event per next(): the caller decides how the following bytes are read (a command, or a SASL line).
    this.paused = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter) waiter(event);
    else this.events.push(event);
  }

  private readonly onData = (chunk: Buffer): void => {
    this.onBytes(chunk.length);
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.parse();
  };

  private readonly onEnd = (): void => {
    if (this.ended) return;
    this.ended = true;
    if (!this.paused) this.emit({ kind: 'closed' });
  };

  private tooLong(bytes: number): void {
    this.buffer = Buffer.alloc(0);
    this.detachListeners();
    this.emit({ kind: 'too-long', bytes });
  }

  private parse(): void {
    while (!this.paused && this.buffer.length > 0) {
      if (this.literalLeft >= 0) {
        const take = Math.min(this.literalLeft, this.buffer.length);
        this.literalParts.push(this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        this.literalLeft -= take;
        if (this.literalLeft > 0) return;
        this.command.literals.push(Buffer.concat(this.literalParts));
        this.literalParts = [];
        this.literalLeft = -1;
        continue;
      }
      const nl = this.buffer.indexOf(0x0a);
      if (nl < 0) {
        if (this.command.bytes + this.buffer.length > this.maxBytes)
          this.tooLong(this.command.bytes + this.buffer.length);
        return;
      }
      const end = nl > 0 && this.buffer[nl - 1] === 0x0d ? nl - 1 : nl;
      const segment = Buffer.from(this.buffer.subarray(0, end));
      this.buffer = this.buffer.subarray(nl + 1);
      if (this.mode === 'line') {
        if (segment.length > this.maxBytes) return this.tooLong(segment.length);
        this.emit({ kind: 'line', line: segment });
        continue;
      }
      this.command.segments.push(segment);
      this.command.bytes += segment.length + 2;
      if (this.command.bytes > this.maxBytes) return this.tooLong(this.command.bytes);
      const literal = LITERAL_AT_END.exec(segment.toString('latin1'));
      if (literal) {
        const size = Number(literal[1]);
        const sync = literal[2] === '';
        if (this.command.bytes + size > this.maxBytes) {
          if (!sync) return this.tooLong(this.command.bytes + size);
          // Not yet sent: refuse it and forget the command; the client expects a tagged answer.
          const tag = this.command.segments[0]!.toString('latin1').split(' ')[0] ?? '*';
          this.command = { segments: [], literals: [], bytes: 0 };
          this.emit({ kind: 'literal-refused', tag, size });
          continue;
        }
        this.command.bytes += size;
        this.literalLeft = size;
        if (sync) this.requestLiteral();
        if (size === 0) {
          this.command.literals.push(Buffer.alloc(0));
          this.literalLeft = -1;
        }
        continue;
      }
      const command = this.command;
      this.command = { segments: [], literals: [], bytes: 0 };
      this.emit({ kind: 'command', command });
    }
  }
}
