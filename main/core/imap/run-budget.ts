import { performance } from 'node:perf_hooks';

import { ProbeCancelled } from './failure';

/**
 * Time and cancellation for one probe. Every wait goes through `bounded()`, which races the work against the
 * stage's budget (never beyond the overall deadline) and the caller's AbortSignal, and always clears its own timer
 * and listener — so a probe leaves nothing behind however it ends.
 */
export class RunBudget {
  readonly startedAt = performance.now();
  private readonly deadlineAt: number;

  constructor(
    deadlineMs: number,
    private readonly cancel?: AbortSignal,
  ) {
    this.deadlineAt = this.startedAt + deadlineMs;
  }

  elapsed(): number {
    return performance.now() - this.startedAt;
  }

  remaining(): number {
    return Math.max(0, this.deadlineAt - performance.now());
  }

  /** A stage's own cap, cut to what is left of the overall deadline. */
  cap(stageCapMs: number): number {
    return Math.min(stageCapMs, this.remaining());
  }

  get cancelled(): boolean {
    return this.cancel?.aborted === true;
  }

  throwIfCancelled(): void {
    if (this.cancelled) throw new ProbeCancelled();
  }

  /**
   * Runs `work` with a signal that aborts when the wait ends for any reason (so the work can drop its listeners
   * or destroy what it opened). Rejects with `onTimeout()` after `budgetMs`, or with ProbeCancelled on cancel.
   */
  async bounded<T>(budgetMs: number, onTimeout: () => Error, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const local = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      return await new Promise<T>((resolve, reject) => {
        if (this.cancelled) return reject(new ProbeCancelled());
        if (budgetMs <= 0) return reject(onTimeout());
        timer = setTimeout(() => reject(onTimeout()), budgetMs);
        onAbort = () => reject(new ProbeCancelled());
        this.cancel?.addEventListener('abort', onAbort, { once: true });
        work(local.signal).then(resolve, reject);
      });
    } finally {
      clearTimeout(timer);
      if (onAbort) this.cancel?.removeEventListener('abort', onAbort);
      local.abort();
    }
  }
}
