/**
 * The bridge under load and abuse, against the real Dovecot: 30 parallel sessions, every limit (each with its
 * IMAP answer and a log line), slow and oversized clients before login, a client that vanishes mid-FETCH (no
 * socket or timer left behind), clients trying to choose another upstream, TLS listeners, and no canary secret
 * in any log line or status.
 */

import { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';

import { imapResponder } from '../../fixtures/imap-responder';
import { startScriptedImap } from '../../fixtures/scripted-imap';
import { message, PASSWORD, USER } from './bridge-kit';
import { bridgeWith, connect, describeCanaries, until, useLimitsWorld } from './limits-kit';

useLimitsWorld();

describe('load and limits', () => {
  it('30 concurrent sessions all reach the mailbox', async () => {
    const b = await bridgeWith({ limits: { sessionsPerAccount: 32, connections: 40 } });
    const clients = await Promise.all(Array.from({ length: 30 }, () => connect(b)));
    const logins = await Promise.all(clients.map((c, i) => c.command(`s${i} LOGIN ${USER} ${PASSWORD}`)));
    expect(logins.every((l) => / OK \[CAPABILITY /.test(l.tagged))).toBe(true);
    expect(b.bridge.status()).toMatchObject({ sessions: 30, connections: 30 });
    const selects = await Promise.all(clients.map((c, i) => c.command(`t${i} SELECT INBOX`)));
    expect(selects.every((s) => s.lines.includes('* 4 EXISTS'))).toBe(true);
    await Promise.all(clients.map((c, i) => c.command(`u${i} LOGOUT`)));
    expect(await until(() => b.bridge.status().sessions === 0 && b.bridge.status().connections === 0)).toBe(true);
  });

  it('per-account session limit: NO [LIMIT] naming the code, and a log line', async () => {
    const b = await bridgeWith({ limits: { sessionsPerAccount: 2 } });
    const [a, c2, c3] = await Promise.all([connect(b), connect(b), connect(b)]);
    expect((await a!.command(`a LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^a OK/);
    expect((await c2!.command(`b LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^b OK/);
    expect((await c3!.command(`c LOGIN ${USER} ${PASSWORD}`)).tagged).toBe(
      `c NO [LIMIT] Too many sessions for ${USER} through the bridge (SESSION_LIMIT).`,
    );
    expect(b.logs.some((l) => l.level === 'warn' && l.message.includes('SESSION_LIMIT'))).toBe(true);
    await a!.command('x LOGOUT');
    expect(await until(() => b.bridge.status().sessions === 1)).toBe(true);
    expect((await c3!.command(`d LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^d OK/);
  });

  it('global connection limit: BYE [LIMIT] before the greeting, and a log line', async () => {
    const b = await bridgeWith({ limits: { connections: 2 } });
    await connect(b);
    await connect(b);
    const third = await connect(b, false);
    expect(await third.line()).toBe('* BYE [LIMIT] Too many connections to the bridge (limit 2).');
    await third.closed;
    expect(b.logs.some((l) => l.message.includes('limits.connections (2) reached'))).toBe(true);
    expect(b.bridge.status().counters.refused).toBe(1);
  });

  it('pre-login idle time and total pre-login time end the connection with BYE', async () => {
    const b = await bridgeWith({ limits: { preLoginIdleSeconds: 1, preLoginSeconds: 2 } });
    const idle = await connect(b);
    const t = performance.now();
    expect(await idle.line(3000)).toBe('* BYE Disconnected for inactivity.');
    expect(performance.now() - t).toBeGreaterThan(900);
    await idle.closed;
    // NOOP every 400 ms keeps it from idling, not from the overall limit.
    const busy = await connect(b);
    const started = performance.now();
    const ticker = setInterval(() => busy.send('n NOOP'), 400);
    try {
      let line = '';
      while (!line.startsWith('* BYE')) line = await busy.line(4000);
      expect(line).toBe('* BYE Disconnected: no login within 2 seconds.');
      expect(performance.now() - started).toBeGreaterThan(1900);
    } finally {
      clearInterval(ticker);
    }
    expect(b.logs.filter((l) => / timeout \((idle|pre-login time)\)/.test(l.message))).toHaveLength(2);
  });

  it('slowloris (a byte at a time, never a line end) is cut at the idle limit', async () => {
    const b = await bridgeWith({ limits: { preLoginIdleSeconds: 1 } });
    const c = await connect(b);
    const drip = setInterval(() => c.sendRaw('a'), 100);
    try {
      expect(await c.line(3000)).toBe('* BYE Disconnected for inactivity.');
    } finally {
      clearInterval(drip);
    }
  });

  it('a line over 64 KiB ends the connection; an oversized synchronising literal is refused and the session goes on', async () => {
    const b = await bridgeWith();
    const c = await connect(b);
    c.sendRaw(`a LOGIN ${'x'.repeat(70 * 1024)}`);
    expect(await c.line()).toBe('* BYE [LIMIT] Command line too long (limit 65536 bytes).');
    await c.closed;
    const d = await connect(b);
    expect((await d.command('b LOGIN {100000}')).tagged).toBe(
      'b NO [TOOBIG] Literal of 100000 bytes is over the limit of 65536 bytes.',
    );
    expect((await d.command(`c LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^c OK/);
    expect(b.logs.some((l) => l.message.includes('too-long'))).toBe(true);
  });
});

describe('robustness', () => {
  it('a client vanishing mid-FETCH leaves no socket or timer behind', async () => {
    const b = await bridgeWith();
    const count = () => {
      const info = process.getActiveResourcesInfo();
      return {
        sockets: info.filter((r) => r === 'TCPSocketWrap' || r === 'TLSWrap').length,
        timers: info.filter((r) => r === 'Timeout').length,
      };
    };
    const before = count();
    const c = await connect(b);
    await c.command(`a LOGIN ${USER} ${PASSWORD}`);
    await c.command('b SELECT INBOX');
    c.send('c FETCH 4 BODY[]');
    expect(await c.line()).toMatch(/^\* 4 FETCH \(BODY\[\] \{\d+\}$/);
    c.socket.destroy();
    expect(await until(() => b.bridge.status().connections === 0 && b.bridge.status().sessions === 0)).toBe(true);
    expect(await until(() => count().sockets <= before.sockets && count().timers <= before.timers)).toBe(true);
    expect(b.logs.at(-1)?.message).toMatch(/session imap@contoso\.example ended by (client|error)/);
  });

  it('the upstream is fixed by the configuration: nothing a client sends reaches another server', async () => {
    const evil = await startScriptedImap({ script: imapResponder() });
    try {
      const b = await bridgeWith();
      const c = await connect(b);
      for (const user of [
        `${USER}@127.0.0.1:${evil.port}`,
        `127.0.0.1:${evil.port}`,
        `${USER}#127.0.0.1:${evil.port}`,
      ]) {
        expect((await c.command(`e LOGIN "${user}" ${PASSWORD}`)).tagged).toBe(
          'e NO [AUTHENTICATIONFAILED] Invalid credentials.',
        );
      }
      await c.command(`i ID ("host" "127.0.0.1" "port" "${evil.port}")`);
      expect((await c.command(`ok LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^ok OK/);
      expect((await c.command('s SELECT INBOX')).lines).toContain('* 4 EXISTS');
      expect(evil.accepted).toBe(0);
    } finally {
      await evil.close();
    }
  });

  it('imapflow: IDLE through the bridge sees a message that another session APPENDs (1 MiB literal)', async () => {
    const b = await bridgeWith();
    const flow = (name: string) =>
      new ImapFlow({
        host: '127.0.0.1',
        port: b.port,
        secure: false,
        auth: { user: USER, pass: PASSWORD },
        logger: false,
        clientInfo: { name },
      });
    const watcher = flow('watcher');
    const writer = flow('writer');
    watcher.on('error', () => {});
    writer.on('error', () => {});
    await watcher.connect();
    await writer.connect();
    try {
      const lock = await watcher.getMailboxLock('INBOX');
      const exists = new Promise<number>((resolve) => watcher.on('exists', (e: { count: number }) => resolve(e.count)));
      const idling = watcher.idle();
      await new Promise((r) => setTimeout(r, 200));
      const big = message(99, `${'y'.repeat(1023)}\n`.repeat(1024)).replace(/\n/g, '\r\n');
      const appended = await writer.append('INBOX', big);
      expect(appended).toMatchObject({ destination: 'INBOX', uid: expect.any(Number) });
      expect(await exists).toBeGreaterThanOrEqual(5);
      lock.release();
      void idling;
      await writer.mailboxOpen('INBOX');
      const fetched = await writer.download(String((appended as { uid: number }).uid), undefined, { uid: true });
      const chunks: Buffer[] = [];
      for await (const chunk of fetched.content!) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe(big);
    } finally {
      await writer.logout().catch(() => undefined);
      await watcher.logout().catch(() => undefined);
    }
  });
});

describeCanaries();
