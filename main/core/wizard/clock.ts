/**
 * Time as the wizard's timers see it. Injected so tests drive it with fake timers and so a scheduler can be
 * resumed "later" without waiting. Globals are looked up on every call, which is what fake timers replace.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending retest or clipboard clear must not keep a quitting process (or a test worker) alive.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
