/**
 * The not-authenticated state (RFC 9051 §6.1–6.2, RFC 3501), served by the bridge itself: CAPABILITY, ID, NOOP,
 * LOGOUT, STARTTLS (when the listener has TLS), LOGIN with quoted strings or literals, AUTHENTICATE PLAIN with or
 * without initial response (`*` cancels). Everything else gets the correct BAD. Nothing here talks to the upstream:
 * a complete login is handed to `authenticate`, which answers it.
 */
import type { Socket } from 'node:net';
import { type SecureContext, TLSSocket } from 'node:tls';

import { astring, type ClientCommand, type CommandSyntaxError, parseCommand } from './client-command';
import { ClientReader, type ReaderEvent } from './client-reader';
import { AFTER_LOGIN } from './post-login-commands';

const MAX_BAD_COMMANDS = 10;

export type LoginVerdict = 'relaying' | 'retry' | 'closed';

export interface PreLoginOptions {
  socket: Socket;
  /** 'starttls': the listener offers STARTTLS on this plain connection; 'implicit': already TLS. */
  tls: 'none' | 'starttls' | 'implicit';
  secureContext?: SecureContext;
  /** Password logins without TLS (only on loopback listeners). */
  plaintextLogin: boolean;
  maxLineBytes: number;
  idleMs: number;
  totalMs: number;
  /** The client's credentials, syntax checked; the callback answers the tag itself. */
  authenticate(login: {
    tag: string;
    user: string;
    password: string;
    socket: Socket;
    reader: ClientReader;
  }): Promise<LoginVerdict>;
  /** Lifecycle notes for the log (never payloads). */
  note(event: 'timeout' | 'too-long' | 'too-many-bad' | 'tls-failed' | 'starttls', detail?: string): void;
  onBytes(n: number): void;
}

export class PreLogin {
  private socket: Socket;
  private secure: boolean;
  private readonly reader: ClientReader;
  private timer: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();
  private bad = 0;

  constructor(private readonly opts: PreLoginOptions) {
    this.socket = opts.socket;
    this.secure = opts.tls === 'implicit';
    this.reader = new ClientReader(
      this.socket,
      opts.maxLineBytes,
      () => this.send('+ Ready for literal data'),
      opts.onBytes,
    );
  }

  private send(line: string): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(`${line}\r\n`);
  }

  private get loginAllowed(): boolean {
    return this.secure || this.opts.plaintextLogin;
  }

  capabilities(): string {
    const caps = ['IMAP4rev1', 'LITERAL+', 'SASL-IR', 'ID'];
    if (this.opts.tls === 'starttls' && !this.secure) caps.push('STARTTLS');
    caps.push(this.loginAllowed ? 'AUTH=PLAIN' : 'LOGINDISABLED');
    return caps.join(' ');
  }

  /** Ends the connection politely; destroys it if the client does not close within a second. */
  private bye(text: string): 'closed' {
    this.send(`* BYE ${text}`);
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
    return 'closed';
  }

  /** Arms the pre-login timer: idle since the last command, and never beyond the total pre-login time. */
  private arm(onFire: () => void): void {
    clearTimeout(this.timer);
    const left = Math.min(this.opts.idleMs, this.opts.totalMs - (Date.now() - this.startedAt));
    this.timer = setTimeout(onFire, Math.max(0, left));
  }

  private async nextEvent(mode: 'command' | 'line'): Promise<ReaderEvent | 'timeout'> {
    let fire: (() => void) | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (fire = () => resolve('timeout')));
    this.arm(() => fire?.());
    try {
      return await Promise.race([this.reader.next(mode), timeout]);
    } finally {
      clearTimeout(this.timer);
    }
  }

  /** Serves the connection until a login hands it to the relay, or it closes. */
  async run(): Promise<LoginVerdict> {
    this.send(`* OK [CAPABILITY ${this.capabilities()}] Mailadapter bridge ready.`);
    for (;;) {
      const event = await this.nextEvent('command');
      if (event === 'timeout') {
        const total = Date.now() - this.startedAt >= this.opts.totalMs;
        this.opts.note('timeout', total ? 'pre-login time' : 'idle');
        return this.bye(
          total
            ? `Disconnected: no login within ${Math.round(this.opts.totalMs / 1000)} seconds.`
            : 'Disconnected for inactivity.',
        );
      }
      if (event.kind === 'closed') return 'closed';
      if (event.kind === 'too-long') {
        this.opts.note('too-long', `${event.bytes} bytes`);
        return this.bye(`[LIMIT] Command line too long (limit ${this.opts.maxLineBytes} bytes).`);
      }
      if (event.kind === 'literal-refused') {
        this.send(
          `${event.tag} NO [TOOBIG] Literal of ${event.size} bytes is over the limit of ${this.opts.maxLineBytes} bytes.`,
        );
        continue;
      }
      if (event.kind !== 'command') continue;
      let command: ClientCommand;
      try {
        command = parseCommand(event.command);
      } catch (err) {
        const e = err as CommandSyntaxError;
        this.send(`${e.tag ?? '*'} BAD ${e.message}`);
        if (++this.bad >= MAX_BAD_COMMANDS) return this.tooManyBad();
        continue;
      }
      const verdict = await this.dispatch(command);
      if (verdict !== 'retry') return verdict;
    }
  }

  private tooManyBad(): 'closed' {
    this.opts.note('too-many-bad');
    return this.bye('Too many invalid commands.');
  }

  private badCommand(tag: string, text: string): LoginVerdict {
    this.send(`${tag} BAD ${text}`);
    return ++this.bad >= MAX_BAD_COMMANDS ? this.tooManyBad() : 'retry';
  }

  private async dispatch(cmd: ClientCommand): Promise<LoginVerdict> {
    const { tag, name, args } = cmd;
    switch (name) {
      case 'CAPABILITY':
        if (args.length) return this.badCommand(tag, 'CAPABILITY takes no arguments.');
        this.send(`* CAPABILITY ${this.capabilities()}`);
        this.send(`${tag} OK CAPABILITY completed.`);
        return 'retry';
      case 'NOOP':
        if (args.length) return this.badCommand(tag, 'NOOP takes no arguments.');
        this.send(`${tag} OK NOOP completed.`);
        return 'retry';
      case 'ID':
        if (
          args.length !== 1 ||
          !(args[0]!.kind === 'list' || (args[0]!.kind === 'atom' && args[0]!.text.toUpperCase() === 'NIL'))
        ) {
          return this.badCommand(tag, 'ID takes a parameter list or NIL.');
        }
        this.send('* ID ("name" "Mailadapter Assistant bridge")');
        this.send(`${tag} OK ID completed.`);
        return 'retry';
      case 'LOGOUT':
        this.send('* BYE Logging out.');
        this.send(`${tag} OK LOGOUT completed.`);
        this.socket.end();
        return 'closed';
      case 'STARTTLS':
        return this.startTls(tag, args.length);
      case 'LOGIN':
        return this.login(cmd);
      case 'AUTHENTICATE':
        return this.authenticatePlain(cmd);
      default:
        return this.badCommand(tag, AFTER_LOGIN.has(name) ? `${name} is not valid before login.` : 'Unknown command.');
    }
  }

  private startTls(tag: string, argc: number): LoginVerdict {
    if (this.opts.tls !== 'starttls' || !this.opts.secureContext)
      return this.badCommand(tag, 'STARTTLS is not offered here.');
    if (this.secure) return this.badCommand(tag, 'TLS is already active.');
    if (argc) return this.badCommand(tag, 'STARTTLS takes no arguments.');
    this.send(`${tag} OK Begin TLS negotiation now.`);
    const plain = this.socket;
    const secure = new TLSSocket(plain, { isServer: true, secureContext: this.opts.secureContext });
    secure.on('error', (err) => {
      this.opts.note('tls-failed', err.message);
      secure.destroy();
      plain.destroy();
    });
    this.socket = secure;
    this.secure = true;
    this.reader.switchTo(secure);
    this.opts.note('starttls');
    return 'retry';
  }

  private login(cmd: ClientCommand): Promise<LoginVerdict> | LoginVerdict {
    if (!this.loginAllowed) {
      this.send(`${cmd.tag} NO [PRIVACYREQUIRED] Use STARTTLS before logging in.`);
      return 'retry';
    }
    const user = astring(cmd.args[0]);
    const password = astring(cmd.args[1]);
    if (cmd.args.length !== 2 || !user || !password)
      return this.badCommand(cmd.tag, 'LOGIN takes a user name and a password.');
    return this.hand(cmd.tag, user.toString('utf8'), password.toString('utf8'));
  }

  private hand(tag: string, user: string, password: string): Promise<LoginVerdict> {
    return this.opts.authenticate({ tag, user, password, socket: this.socket, reader: this.reader });
  }

  private async authenticatePlain(cmd: ClientCommand): Promise<LoginVerdict> {
    const [mechanism, initial, ...extra] = cmd.args;
    if (!mechanism || mechanism.kind !== 'atom' || extra.length || (initial && initial.kind !== 'atom')) {
      return this.badCommand(cmd.tag, 'AUTHENTICATE takes a mechanism and an optional initial response.');
    }
    if (mechanism.text.toUpperCase() !== 'PLAIN') {
      this.send(`${cmd.tag} NO Unsupported authentication mechanism (this server offers PLAIN).`);
      return 'retry';
    }
    if (!this.loginAllowed) {
      this.send(`${cmd.tag} NO [PRIVACYREQUIRED] Use STARTTLS before logging in.`);
      return 'retry';
    }
    let response: string;
    if (initial?.kind === 'atom') {
      response = initial.text === '=' ? '' : initial.text;
    } else {
      this.send('+ ');
      const event = await this.nextEvent('line');
      if (event === 'timeout') return this.bye('Disconnected for inactivity.');
      if (event.kind === 'too-long') return this.bye(`[LIMIT] Line too long (limit ${this.opts.maxLineBytes} bytes).`);
      if (event.kind !== 'line') return 'closed';
      response = event.line.toString('latin1');
    }
    if (response === '*') {
      this.send(`${cmd.tag} BAD AUTHENTICATE cancelled.`);
      return 'retry';
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(response) || response.length % 4 !== 0)
      return this.badCommand(cmd.tag, 'Invalid base64 in AUTHENTICATE PLAIN.');
    const parts = Buffer.from(response, 'base64').toString('utf8').split('\0');
    if (parts.length !== 3 || !parts[1] || !parts[2])
      return this.badCommand(cmd.tag, 'AUTHENTICATE PLAIN needs authorization\\0user\\0password.');
    const [authz, user, password] = parts as [string, string, string];
    if (authz !== '' && authz !== user) {
      this.send(`${cmd.tag} NO [AUTHORIZATIONFAILED] Acting as another user is not supported.`);
      return 'retry';
    }
    return this.hand(cmd.tag, user, password);
  }
}
