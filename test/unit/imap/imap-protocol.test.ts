import { Duplex } from 'node:stream';

import { classifyConnectError, isNameNotFound } from '@core/imap/failure';
import { ConnectionEnded, ImapConnection, MAX_LINE_BYTES } from '@core/imap/imap-connection';
import { capabilitiesOf, parseResponse, statusMessagesOf, throttleOf } from '@core/imap/imap-response';
import { decodeChallenge, loginArg, saslPlain, saslXoauth2 } from '@core/imap/sasl';
import { printable, Transcript } from '@core/imap/transcript';
import { describe, expect, it } from 'vitest';

/** A socket stand-in: `server.write()` is what the server sends, `written` what the client wrote. */
function connection() {
  const written: string[] = [];
  const duplex = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, done) {
      written.push(chunk.toString());
      done();
    },
  });
  const socket = { write: (data: string) => duplex.push(data), end: () => duplex.push(null) };
  const transcript = new Transcript(() => 0);
  return { socket, written, transcript, conn: new ImapConnection(duplex, transcript) };
}

describe('ImapConnection line framing', () => {
  it('splits CRLF lines across arbitrary chunk borders', async () => {
    const { socket, conn } = connection();
    socket.write('* OK [CAPA');
    socket.write('BILITY IMAP4rev1] ready\r\nA1 O');
    socket.write('K done\r\n');
    expect(await conn.readLine()).toBe('* OK [CAPABILITY IMAP4rev1] ready');
    expect(await conn.readLine()).toBe('A1 OK done');
  });

  it('folds a literal into its line, including CRLF inside the literal', async () => {
    const { socket, conn } = connection();
    socket.write('* STATUS {7}\r\nIN\r\nBOX (MESSAGES 3)\r\n');
    const line = await conn.readLine();
    expect(line).toBe('* STATUS {7}\r\nIN\r\nBOX (MESSAGES 3)');
    expect(statusMessagesOf(parseResponse(line))).toBe(3);
  });

  it('stops at a line over 64 KiB instead of growing', async () => {
    const { socket, conn, transcript } = connection();
    const pending = conn.readLine();
    for (let i = 0; i < 20; i++) socket.write('x'.repeat(4096));
    await expect(pending).rejects.toBeInstanceOf(ConnectionEnded);
    expect(conn.ended).toMatchObject({ kind: 'line-too-long' });
    expect(transcript.toJSON().at(-1)?.line).toContain(String(MAX_LINE_BYTES));
  });

  it('refuses a literal announced larger than the cap without waiting for it', async () => {
    const { socket, conn } = connection();
    const pending = conn.readLine();
    socket.write(`* STATUS {${MAX_LINE_BYTES + 1}}\r\n`);
    await expect(pending).rejects.toMatchObject({ problem: { kind: 'line-too-long' } });
  });

  it('rejects a waiting reader when the connection ends', async () => {
    const { socket, conn } = connection();
    const pending = conn.readLine();
    socket.end();
    await expect(pending).rejects.toMatchObject({ problem: { kind: 'closed' } });
  });

  it('records both directions, with the masked form of a secret write', async () => {
    const { socket, conn, transcript, written } = connection();
    conn.writeLine('A1 LOGIN "anna" "secret"', 'A1 LOGIN "anna" ****');
    socket.write('A1 OK done\r\n');
    await conn.readLine();
    expect(written.join('')).toBe('A1 LOGIN "anna" "secret"\r\n');
    expect(transcript.toJSON().map((e) => `${e.dir} ${e.line}`)).toEqual([
      'client A1 LOGIN "anna" ****',
      'server A1 OK done',
    ]);
  });
});

describe('response parsing', () => {
  it('reads tag, status, response code and text', () => {
    const r = parseResponse('A2 NO [AUTHENTICATIONFAILED] Authentication failed.');
    expect(r).toMatchObject({ tag: 'A2', kind: 'NO', code: 'AUTHENTICATIONFAILED', text: 'Authentication failed.' });
    expect(parseResponse('+ ')).toMatchObject({ tag: '+', text: '' });
  });

  it('finds capabilities in untagged data and in response codes', () => {
    expect(capabilitiesOf(parseResponse('* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR'))).toEqual([
      'IMAP4rev1',
      'AUTH=PLAIN',
      'SASL-IR',
    ]);
    expect(capabilitiesOf(parseResponse('A1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in'))).toEqual(['IMAP4rev1', 'IDLE']);
    expect(capabilitiesOf(parseResponse('* OK The Microsoft Exchange IMAP4 service is ready.'))).toBeUndefined();
  });

  it('reads the message count of STATUS with quoted names and several items', () => {
    expect(statusMessagesOf(parseResponse('* STATUS "INBOX" (UIDNEXT 9 MESSAGES 12)'))).toBe(12);
    expect(statusMessagesOf(parseResponse('* STATUS INBOX (UNSEEN 1)'))).toBeUndefined();
  });

  it('recognises Exchange throttling and its backoff', () => {
    const r = parseResponse('A1 NO Request is throttled. Suggested Backoff Time: 89000 milliseconds');
    expect(throttleOf(r)).toEqual({ throttled: true, backoffMs: 89_000 });
    expect(throttleOf(parseResponse('A1 NO AUTHENTICATE failed.'))).toEqual({ throttled: false });
  });
});

describe('credential encodings', () => {
  it('encodes SASL PLAIN as UTF-8 with an empty authorisation id', () => {
    expect(Buffer.from(saslPlain('anna', 'Pä"ss'), 'base64').toString('utf8')).toBe('\0anna\0Pä"ss');
  });

  it('encodes the XOAUTH2 initial response', () => {
    expect(Buffer.from(saslXoauth2('anna@contoso.example', 'tok'), 'base64').toString()).toBe(
      'user=anna@contoso.example\x01auth=Bearer tok\x01\x01',
    );
  });

  it('quotes ASCII and escapes quotes and backslashes; uses literals for non-ASCII', () => {
    expect(loginArg('a"b\\c {3}')).toEqual({ kind: 'quoted', text: '"a\\"b\\\\c {3}"' });
    expect(loginArg('Jürgen')).toEqual({ kind: 'literal', bytes: Buffer.from('Jürgen', 'utf8') });
  });

  it('decodes a SASL error challenge for the report', () => {
    const json = '{"status":"401","schemes":"bearer"}';
    expect(decodeChallenge(Buffer.from(json).toString('base64'))).toBe(json);
    expect(decodeChallenge('not base64!')).toBeUndefined();
  });
});

describe('transcript', () => {
  it('makes control characters visible and bounds line length', () => {
    expect(printable('a\x00b\x1bc')).toBe('a\\x00b\\x1bc');
    expect(printable('x'.repeat(1200))).toMatch(/… \(200 more characters\)$/);
  });

  it('keeps at most 200 entries and says how many were left out', () => {
    const t = new Transcript(() => 0);
    for (let i = 0; i < 250; i++) t.add('server', `* ${i}`);
    const entries = t.toJSON();
    expect(entries).toHaveLength(201);
    expect(entries.at(-1)?.line).toBe('50 further lines not recorded');
  });
});

describe('socket and resolver errors', () => {
  it('classifies connect errors (unreachable networks cannot be produced on loopback)', () => {
    expect(
      [
        'ECONNREFUSED',
        'ETIMEDOUT',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'EADDRNOTAVAIL',
        'ECONNRESET',
        'ECONNABORTED',
        'EACCES',
        undefined,
      ].map(classifyConnectError),
    ).toEqual(['refused', 'timeout', 'unreachable', 'unreachable', 'unreachable', 'reset', 'reset', 'error', 'error']);
  });

  it('tells "name does not exist" from "resolver could not answer"', () => {
    expect(['ENOTFOUND', 'ENODATA', 'ESERVFAIL', 'ETIMEOUT', 'EAI_AGAIN'].map(isNameNotFound)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
