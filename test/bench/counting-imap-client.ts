import net from 'node:net';
import tls from 'node:tls';

/** A byte-counting IMAP client: minimal CPU (it looks only at line starts), so the path under test is what gets measured. */
export class Conn {
  bytes = 0;
  private lineStart = '';
  private waiting: { tag: string; resolve: () => void; reject: (e: Error) => void } | undefined;
  private constructor(readonly socket: net.Socket) {
    socket.on('data', (c: Buffer) => {
      this.bytes += c.length;
      for (let pos = 0; ;) {
        const nl = c.indexOf(0x0a, pos);
        if (this.lineStart.length < 48)
          this.lineStart += c.subarray(pos, Math.min(nl < 0 ? c.length : nl, pos + 48)).toString('latin1');
        if (nl < 0) break;
        this.line(this.lineStart);
        this.lineStart = '';
        pos = nl + 1;
      }
    });
    socket.on('error', () => {});
  }

  private line(start: string) {
    const w = this.waiting;
    if (!w || !(w.tag === '*' ? start.startsWith('* ') : start.startsWith(`${w.tag} `))) return;
    this.waiting = undefined;
    if (/^\S+ (OK|PREAUTH)/.test(start)) w.resolve();
    else w.reject(new Error(`unexpected: ${start}`));
  }

  greeted: Promise<void> = Promise.resolve();

  static open(port: number, ca?: string, expectGreeting = false): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const s = ca
        ? tls.connect({ host: '127.0.0.1', port, ca, servername: 'localhost' })
        : net.connect({ host: '127.0.0.1', port });
      const conn = new Conn(s);
      if (expectGreeting) conn.greeted = conn.until('*');
      s.once(ca ? 'secureConnect' : 'connect', () => resolve(conn));
      s.once('error', reject);
    });
  }

  /** Resolves at the line tagged `tag` (for '*', the greeting); the greeting may already be on its way. */
  until(tag: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${tag} within 60 s`)), 60_000);
      this.waiting = {
        tag,
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
  }

  cmd(tag: string, text: string): Promise<void> {
    const done = this.until(tag);
    this.socket.write(`${tag} ${text}\r\n`);
    return done;
  }

  close() {
    this.socket.destroy();
  }
}
