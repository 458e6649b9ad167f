/**
 * Slows down password guessing per client address: every refused login is answered only after a delay that
 * doubles with each recent failure from that address (up to a cap), and the count fades after a quiet period.
 * A correct password clears it. Memory is bounded: the oldest addresses are forgotten first.
 */
export interface ThrottleOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this no longer count. */
  windowMs: number;
  maxAddresses?: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { baseDelayMs: 1000, maxDelayMs: 30_000, windowMs: 15 * 60_000 };

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(
    private readonly opts: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a failure from `address` and returns how long to wait before answering it. */
  fail(address: string): number {
    const t = this.now();
    const prior = this.failures.get(address);
    const count = prior && t - prior.last < this.opts.windowMs ? prior.count + 1 : 1;
    this.failures.delete(address);
    this.failures.set(address, { count, last: t });
    if (this.failures.size > (this.opts.maxAddresses ?? 10_000))
      this.failures.delete(this.failures.keys().next().value as string);
    return Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** (count - 1));
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }

  recentFailures(address: string): number {
    const f = this.failures.get(address);
    return f && this.now() - f.last < this.opts.windowMs ? f.count : 0;
  }
}
