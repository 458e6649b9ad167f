/**
 * The grammar the bridge needs from a client's command before login (RFC 9051 / 3501): tag, command name, and
 * arguments as atoms, quoted strings (with \" and \\ escapes, UTF-8 allowed as IMAP4rev2 does) or literals.
 * Parenthesised lists (ID's parameters) are skipped as one token; anything malformed is a parse error.
 */
import type { RawCommand } from './client-reader';

export type Arg = { kind: 'atom'; text: string } | { kind: 'string'; bytes: Buffer } | { kind: 'list' };

export interface ClientCommand {
  tag: string;
  /** Upper-cased. */
  name: string;
  args: Arg[];
}

export class CommandSyntaxError extends Error {
  constructor(
    readonly tag: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'CommandSyntaxError';
  }
}

// RFC 9051 tag: any ASTRING-CHAR except "+"; atom-specials are ( ) { SP CTL % * " \ ].
// eslint-disable-next-line no-control-regex -- control characters are exactly what these exclude
const TAG = /^[^\s(){%*"\\\]+\x00-\x1f\x7f]+$/;
// eslint-disable-next-line no-control-regex
const ATOM_CHAR = /[^\s(){%*"\\\x00-\x1f\x7f]/;

/** Bytes the tokenizer walks: segment bytes, with the literal that follows each `{n}` segment. */
class Cursor {
  private seg = 0;
  private pos = 0;
  constructor(private readonly raw: RawCommand) {}

  private get line(): Buffer | undefined {
    return this.raw.segments[this.seg];
  }

  peek(): number | undefined {
    return this.line?.[this.pos];
  }

  take(): number | undefined {
    const c = this.peek();
    if (c !== undefined) this.pos++;
    return c;
  }

  atEnd(): boolean {
    return this.seg >= this.raw.segments.length - 1 && this.pos >= (this.line?.length ?? 0);
  }

  /** At `{n}` or `{n+}` ending the current segment: returns that literal and moves to the next segment. */
  literal(): Buffer | undefined {
    const line = this.line;
    if (!line || line[this.pos] !== 0x7b) return undefined;
    const rest = line.subarray(this.pos).toString('latin1');
    if (!/^\{\d{1,10}\+?\}$/.test(rest)) return undefined;
    const literal = this.raw.literals[this.seg];
    if (literal === undefined) return undefined;
    this.seg++;
    this.pos = 0;
    return literal;
  }
}

function quoted(cur: Cursor, tag: string): Buffer {
  const out: number[] = [];
  cur.take();
  for (;;) {
    const c = cur.take();
    if (c === undefined) throw new CommandSyntaxError(tag, 'Unterminated quoted string.');
    if (c === 0x22) return Buffer.from(out);
    if (c === 0x5c) {
      const next = cur.take();
      if (next !== 0x22 && next !== 0x5c) throw new CommandSyntaxError(tag, 'Invalid escape in quoted string.');
      out.push(next);
      continue;
    }
    if (c === 0x0d || c === 0x0a || c === 0) throw new CommandSyntaxError(tag, 'Invalid character in quoted string.');
    out.push(c);
  }
}

function skipList(cur: Cursor, tag: string): void {
  let depth = 0;
  for (;;) {
    const c = cur.peek();
    if (c === undefined) throw new CommandSyntaxError(tag, 'Unterminated list.');
    if (c === 0x22) {
      quoted(cur, tag);
      continue;
    }
    if (cur.literal()) continue;
    cur.take();
    if (c === 0x28) depth++;
    if (c === 0x29 && --depth === 0) return;
  }
}

export function parseCommand(raw: RawCommand): ClientCommand {
  const first = raw.segments[0]?.toString('latin1') ?? '';
  const space = first.indexOf(' ');
  const tag = space < 0 ? first : first.slice(0, space);
  if (!TAG.test(tag)) throw new CommandSyntaxError(undefined, 'Invalid tag.');
  const cur = new Cursor(raw);
  for (let i = 0; i < tag.length; i++) cur.take();
  if (cur.take() !== 0x20) throw new CommandSyntaxError(tag, 'Missing command.');
  let name = '';
  while (cur.peek() !== undefined && cur.peek() !== 0x20) name += String.fromCharCode(cur.take()!);
  if (!/^[A-Za-z]+$/.test(name)) throw new CommandSyntaxError(tag, 'Invalid command name.');
  const args: Arg[] = [];
  while (!cur.atEnd()) {
    if (cur.take() !== 0x20) throw new CommandSyntaxError(tag, 'Expected a space between arguments.');
    const c = cur.peek();
    if (c === undefined) throw new CommandSyntaxError(tag, 'Trailing space.');
    if (c === 0x22) {
      args.push({ kind: 'string', bytes: quoted(cur, tag) });
      continue;
    }
    if (c === 0x28) {
      skipList(cur, tag);
      args.push({ kind: 'list' });
      continue;
    }
    const literal = cur.literal();
    if (literal) {
      args.push({ kind: 'string', bytes: literal });
      continue;
    }
    let text = '';
    while (cur.peek() !== undefined && ATOM_CHAR.test(String.fromCharCode(cur.peek()!)))
      text += String.fromCharCode(cur.take()!);
    if (text === '') throw new CommandSyntaxError(tag, 'Invalid argument.');
    args.push({ kind: 'atom', text });
  }
  return { tag, name: name.toUpperCase(), args };
}

/** An astring argument as text (atom or string); undefined when the argument is a list or missing. */
export function astring(arg: Arg | undefined): Buffer | undefined {
  if (!arg) return undefined;
  if (arg.kind === 'atom') return Buffer.from(arg.text, 'latin1');
  return arg.kind === 'string' ? arg.bytes : undefined;
}
