/**
 * Decides what to do when the window's renderer process dies. Wizard state lives in main's store, so a reload
 * loses nothing; but a page that crashes on every load must not reload forever.
 */
export type RendererGoneAction = 'reload' | 'give-up' | 'ignore';

export interface RendererCrashPolicyOptions {
  maxReloads?: number;
  windowMs?: number;
  now?: () => number;
}

export function createRendererCrashPolicy(opts: RendererCrashPolicyOptions = {}): {
  onGone(reason: string): RendererGoneAction;
} {
  const maxReloads = opts.maxReloads ?? 3;
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let recent: number[] = [];
  return {
    onGone(reason) {
      // 'clean-exit' is a normal end (e.g. the window is closing), not a crash.
      if (reason === 'clean-exit') return 'ignore';
      const t = now();
      recent = [...recent.filter((x) => t - x < windowMs), t];
      return recent.length > maxReloads ? 'give-up' : 'reload';
    },
  };
}
