/**
 * The client side's framing and grammar before login: CRLF lines, synchronising and non-synchronising literals,
 * quoted strings with escapes and UTF-8, the line cap, and refusing a literal before the client sends it.
 */
import { PassThrough } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { astring, CommandSyntaxError, parseCommand } from '../../../main/core/bridge/client-command';
import { ClientReader, type ReaderEvent } from '../../../main/core/bridge/client-reader';

function reader(max = 1024) {
  const socket = new PassThrough();
  const continuations: number[] = [];
  const r = new ClientReader(socket, max, () => continuations.push(1));
  return { socket, r, continuations };
}

const command = (e: ReaderEvent) => {
  if (e.kind !== 'command') throw new Error(`expected a command, got ${e.kind}`);
  return parseCommand(e.command);
};
const text = (b: Buffer | undefined) => b?.toString('utf8');

describe('client command framing', () => {
  it('parses atoms and quoted strings with escapes', async () => {
    const { socket, r } = reader();
    socket.write('a1 LOGIN "imap@contoso.de" "pa\\"ss\\\\word"\r\n');
    const cmd = command(await r.next());
    expect(cmd).toMatchObject({ tag: 'a1', name: 'LOGIN' });
    expect(cmd.args.map((a) => text(astring(a)))).toEqual(['imap@contoso.de', 'pa"ss\\word']);
  });

  it('answers a synchronising literal with a continuation and takes non-synchronising ones silently', async () => {
    const { socket, r, continuations } = reader();
    socket.write('a2 LOGIN {15}\r\n');
    await new Promise((res) => setImmediate(res));
    expect(continuations).toHaveLength(1);
    socket.write(`imap@contoso.de {${Buffer.byteLength('Pässwört✓')}+}\r\nPässwört✓\r\n`);
    const cmd = command(await r.next());
    expect(continuations).toHaveLength(1);
    expect(cmd.args.map((a) => text(astring(a)))).toEqual(['imap@contoso.de', 'Pässwört✓']);
  });

  it('keeps UTF-8 in quoted strings (IMAP4rev2) and splits commands that arrive in one packet', async () => {
    const { socket, r } = reader();
    socket.write('x LOGIN "jörg@müller.de" "Grüße"\r\ny NOOP\r\n');
    expect(command(await r.next()).args.map((a) => text(astring(a)))).toEqual(['jörg@müller.de', 'Grüße']);
    expect(command(await r.next())).toMatchObject({ tag: 'y', name: 'NOOP', args: [] });
  });

  it('refuses a synchronising literal above the cap before the client sends it, then goes on', async () => {
    const { socket, r, continuations } = reader(1024);
    socket.write('big LOGIN user {5000}\r\n');
    expect(await r.next()).toEqual({ kind: 'literal-refused', tag: 'big', size: 5000 });
    expect(continuations).toHaveLength(0);
    socket.write('n NOOP\r\n');
    expect(command(await r.next()).name).toBe('NOOP');
  });

  it('stops at a line over the cap, with or without a line end', async () => {
    const a = reader(1024);
    a.socket.write('a '.padEnd(2000, 'x'));
    expect(await a.r.next()).toMatchObject({ kind: 'too-long' });
    const b = reader(1024);
    b.socket.write('a LOGIN u {4000+}\r\n');
    expect(await b.r.next()).toMatchObject({ kind: 'too-long' });
  });

  it('hands out pipelined bytes behind the login untouched', async () => {
    const { socket, r } = reader();
    socket.write('a LOGIN u p\r\nb SELECT INBOX\r\nc FETCH 1 (BODY[] {3}\r\nabc');
    command(await r.next());
    expect(r.release().toString()).toBe('b SELECT INBOX\r\nc FETCH 1 (BODY[] {3}\r\nabc');
  });

  it('reports malformed commands with the tag when there is one', async () => {
    const bad = (line: string) => {
      try {
        parseCommand({ segments: [Buffer.from(line)], literals: [], bytes: line.length });
        return undefined;
      } catch (err) {
        return err as CommandSyntaxError;
      }
    };
    expect(bad('a1 LOGIN "unterminated')).toMatchObject({ tag: 'a1', message: 'Unterminated quoted string.' });
    expect(bad('a1 LOGIN "bad\\escape" x')).toMatchObject({ tag: 'a1' });
    expect(bad('* NOOP')).toMatchObject({ tag: undefined, message: 'Invalid tag.' });
    expect(bad('a1')).toMatchObject({ message: 'Missing command.' });
    expect(bad('a1 LOGIN  x')).toBeInstanceOf(CommandSyntaxError);
    expect(
      parseCommand({ segments: [Buffer.from('a ID ("name" "x" "version" "1")')], literals: [], bytes: 0 }).args,
    ).toEqual([{ kind: 'list' }]);
  });
});
