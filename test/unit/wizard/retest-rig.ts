/** The retest tests' rig: a fake clock at T0 and a scheduler whose probe answers from a script. */

import { createMemoryRetestPersistence, type RetestPersistence } from '@core/wizard/retest/persistence';
import { type RetestDeps, type RetestProbeResult } from '@core/wizard/retest/scheduler';
import { type RetestState } from '@shared/wizard/retest';
import { afterEach, beforeEach, vi } from 'vitest';

export const T0 = Date.parse('2026-11-20T08:00:00.000Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const minutesSinceT0 = (iso: string) => (Date.parse(iso) - T0) / MIN;

export interface Rig {
  deps: RetestDeps;
  calls: number[];
  notifications: { title: string; body: string }[];
  updates: RetestState[];
  persistence: RetestPersistence;
}

/** A scheduler whose probe answers from a script (last answer repeats) and records when it ran. */
export function rig(
  answers: (RetestProbeResult | Error)[],
  persistence: RetestPersistence = createMemoryRetestPersistence(),
  language: 'de' | 'en' = 'de',
): Rig {
  const calls: number[] = [];
  const notifications: Rig['notifications'] = [];
  const updates: RetestState[] = [];
  let i = 0;
  const deps: RetestDeps = {
    runProbe: async () => {
      calls.push(Date.now());
      const answer = answers[Math.min(i++, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    persistence,
    notify: (title, body) => notifications.push({ title, body }),
    language: () => language,
    profileName: () => 'Rechnungen',
    onUpdate: (s) => updates.push(s),
  };
  return { deps, calls, notifications, updates, persistence };
}

export const AUTH_FAILED = { ok: false, code: 'AUTH_FAILED' };
export const OK = { ok: true, code: 'OK' };

/** Registers the fake clock, set to T0 before each test, in the calling test file. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());
}
