import type { RetestSchedule, RetestState } from '@shared/wizard/retest';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Backoff before the automatic attempt number `autoAttemptsSoFar + 1`: doubling from the first delay, capped. */
export function backoffMs(autoAttemptsSoFar: number, schedule: RetestSchedule): number {
  const minutes = schedule.firstDelayMinutes * 2 ** Math.min(autoAttemptsSoFar, 30);
  return Math.min(minutes, schedule.maxDelayMinutes) * MINUTE_MS;
}

/**
 * When the next automatic attempt may start, or null when none fits before the deadline.
 * The backoff counts from the latest attempt of any kind (a manual test resets the wait too); then the start is
 * pushed back until fewer than `maxAttemptsPerHour` attempts lie in the 60 minutes before it.
 */
export function planNextAttempt(
  state: Pick<RetestState, 'startedAt' | 'deadlineAt' | 'attempts'>,
  schedule: RetestSchedule,
): { at: number; capped: boolean } | null {
  const times = state.attempts.map((a) => Date.parse(a.at)).sort((a, b) => a - b);
  const autoCount = state.attempts.filter((a) => a.source === 'auto').length;
  const base = Math.max(Date.parse(state.startedAt), times.at(-1) ?? -Infinity);
  let at = base + backoffMs(autoCount, schedule);
  let capped = false;
  for (;;) {
    const inWindow = times.filter((t) => t > at - HOUR_MS && t <= at);
    if (inWindow.length < schedule.maxAttemptsPerHour) break;
    // Wait until enough of the window's oldest attempts have left it to make room for one more.
    at = inWindow[inWindow.length - schedule.maxAttemptsPerHour]! + HOUR_MS;
    capped = true;
  }
  return at > Date.parse(state.deadlineAt) ? null : { at, capped };
}
