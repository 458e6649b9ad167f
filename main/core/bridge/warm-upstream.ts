/**
 * Saves the upstream's TCP, TLS and greeting round trips from every login: when all accounts share one upstream
 * (the usual outlook.office365.com:993), the bridge starts connecting as soon as a client connects, while that
 * client is still reading the greeting and sending its login. No credential is sent on it before the local
 * password is verified; a connection nobody logs in on is closed with the client.
 */
import { connectUpstream, type GreetedUpstream, type UpstreamOptions, type UpstreamTarget } from './upstream-session';

export class WarmUpstream {
  private readonly controller = new AbortController();
  private readonly pending: Promise<GreetedUpstream>;
  private taken = false;

  constructor(
    readonly target: UpstreamTarget,
    opts: UpstreamOptions,
  ) {
    this.pending = connectUpstream(target, opts, this.controller.signal);
    this.pending.catch(() => undefined);
  }

  /** The warm connection for `target`, once; aborting `signal` abandons it. */
  take(target: UpstreamTarget, signal: AbortSignal): Promise<GreetedUpstream> | undefined {
    if (this.taken || target.host.toLowerCase() !== this.target.host.toLowerCase() || target.port !== this.target.port)
      return undefined;
    this.taken = true;
    signal.addEventListener('abort', () => this.controller.abort(), { once: true });
    return this.pending;
  }

  /** Closes the connection unless a login took it. */
  dispose(): void {
    if (this.taken) return;
    this.taken = true;
    this.controller.abort();
    void this.pending.then(
      (u) => u.close(),
      () => undefined,
    );
  }
}
