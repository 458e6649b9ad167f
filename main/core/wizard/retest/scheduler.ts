import type { Language } from '@shared/ipc/channels/app';
import { AppError } from '@shared/ipc/result';
import {
  isRetestActive,
  RETEST_SCHEDULE,
  type RetestAttempt,
  type RetestSchedule,
  type RetestState,
} from '@shared/wizard/retest';

import { type Clock, systemClock } from '../clock';
import { retestNotification, type RetestOutcome } from './notification-text';
import type { RetestPersistence } from './persistence';
import { planNextAttempt } from './policy';

export interface RetestProbeResult {
  code: string;
  ok: boolean;
  /** The diagnosis leads with a cause no retest can change (`permanentVerdict`); the retest ends at once. */
  permanent?: boolean;
}

export interface RetestDeps {
  /** Runs one full connection test with the profile's saved credentials. */
  runProbe(profileId: string): Promise<RetestProbeResult>;
  persistence: RetestPersistence;
  notify(title: string, body: string): void;
  language(): Language;
  /** For the notification title; optional because a notification without it is still useful. */
  profileName?(profileId: string): string | undefined | Promise<string | undefined>;
  /** Every state change, for the renderer's countdown. */
  onUpdate?(state: RetestState): void;
  /** Persistence or probe plumbing failed; the scheduler goes on with what it has in memory. */
  onError?(err: unknown): void;
  clock?: Clock;
  schedule?: RetestSchedule;
}

/**
 * Timers never wait longer than this before looking at the wall clock again: after a laptop sleeps, a single long
 * timer would fire hours late, while a short tick notices at once that an attempt is due (or the deadline passed).
 */
export const RETEST_TICK_MS = 60_000;
const MAX_ATTEMPTS_KEPT = 100;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Opt-in automatic retests per profile (see RETEST_SCHEDULE). State is persisted after every change and resumed by
 * `createRetestScheduler`, so a restart continues with the remaining delay rather than starting over.
 */
export function createRetestScheduler(deps: RetestDeps) {
  const clock = deps.clock ?? systemClock;
  const schedule = deps.schedule ?? RETEST_SCHEDULE;
  const states = new Map<string, RetestState>();
  const timers = new Map<string, unknown>();
  let disposed = false;
  let saving: Promise<unknown> = Promise.resolve();

  const report = (err: unknown) => deps.onError?.(err);

  function commit(next: RetestState): RetestState {
    states.set(next.profileId, next);
    saving = Promise.all([saving, deps.persistence.save(next).catch(report)]);
    try {
      deps.onUpdate?.(next);
    } catch (err) {
      report(err);
    }
    return next;
  }

  function stopTimer(profileId: string) {
    const handle = timers.get(profileId);
    if (handle !== undefined) clock.clearTimeout(handle);
    timers.delete(profileId);
  }

  function arm(state: RetestState) {
    stopTimer(state.profileId);
    if (disposed || state.status !== 'scheduled' || !state.nextAttemptAt) return;
    const wait = Math.min(Math.max(0, Date.parse(state.nextAttemptAt) - clock.now()), RETEST_TICK_MS);
    timers.set(
      state.profileId,
      clock.setTimeout(() => {
        timers.delete(state.profileId);
        void tick(state.profileId);
      }, wait),
    );
  }

  async function notifyEnd(state: RetestState, outcome: RetestOutcome) {
    try {
      const profileName = await deps.profileName?.(state.profileId);
      const text = retestNotification(outcome, {
        language: deps.language(),
        profileName,
        lastCode: state.attempts.at(-1)?.code,
        hours: schedule.giveUpAfterHours,
      });
      deps.notify(text.title, text.body);
    } catch (err) {
      report(err);
    }
  }

  function finish(state: RetestState, status: RetestState['status'], reason: RetestState['stopReason']): RetestState {
    stopTimer(state.profileId);
    const done = commit({
      ...state,
      status,
      stopReason: reason,
      nextAttemptAt: null,
      cappedByHourlyLimit: false,
      finishedAt: iso(clock.now()),
    });
    if (status === 'succeeded') void notifyEnd(done, 'success');
    else if (status === 'gave-up') void notifyEnd(done, 'gave-up');
    else if (status === 'stopped') void notifyEnd(done, 'stopped');
    return done;
  }

  /** Plans the next attempt after a failure worth waiting for, or gives up when none fits. */
  function reschedule(state: RetestState): RetestState {
    const plan = planNextAttempt(state, schedule);
    if (!plan) return finish(state, 'gave-up', 'deadline');
    const next = commit({
      ...state,
      status: 'scheduled',
      nextAttemptAt: iso(plan.at),
      cappedByHourlyLimit: plan.capped,
    });
    arm(next);
    return next;
  }

  /** Applies one test result (automatic or manual) to an active retest. */
  function applyResult(state: RetestState, attempt: RetestAttempt, permanent = false): RetestState {
    const withAttempt = { ...state, attempts: [...state.attempts, attempt].slice(-MAX_ATTEMPTS_KEPT) };
    if (attempt.ok) return finish(withAttempt, 'succeeded', 'success');
    if (!schedule.retryOnCodes.includes(attempt.code) || permanent) return finish(withAttempt, 'stopped', 'other-code');
    return reschedule(withAttempt);
  }

  async function tick(profileId: string) {
    const state = states.get(profileId);
    if (disposed || !state || state.status !== 'scheduled' || !state.nextAttemptAt) return;
    const now = clock.now();
    if (now > Date.parse(state.deadlineAt)) {
      finish(state, 'gave-up', 'deadline');
      return;
    }
    if (now < Date.parse(state.nextAttemptAt)) {
      arm(state);
      return;
    }
    const running = commit({ ...state, status: 'running' });
    const startedAt = iso(now);
    let result: RetestProbeResult;
    try {
      result = await deps.runProbe(profileId);
    } catch (err) {
      if (!(err instanceof AppError)) report(err);
      result = { ok: false, code: err instanceof AppError ? err.code : 'INTERNAL' };
    }
    const current = states.get(profileId);
    const attempt: RetestAttempt = { at: startedAt, code: result.code, ok: result.ok, source: 'auto' };
    if (disposed || current !== running) {
      // Cancelled or forgotten while the test ran: keep the attempt in the history, change nothing else.
      if (current && !disposed)
        commit({ ...current, attempts: [...current.attempts, attempt].slice(-MAX_ATTEMPTS_KEPT) });
      return;
    }
    applyResult(running, attempt, result.permanent === true);
  }

  /** Picks up persisted retests: due ones run at once, others wait for their remaining delay. */
  async function resume() {
    let loaded: RetestState[] = [];
    try {
      loaded = await deps.persistence.load();
    } catch (err) {
      report(err);
    }
    for (const saved of loaded) {
      if (states.has(saved.profileId)) continue;
      states.set(saved.profileId, saved);
      if (!isRetestActive(saved.status)) continue;
      // An attempt cut off by a quit or crash is not counted; the next one is due now (the hourly cap still holds).
      const state = saved.status === 'running' ? { ...saved, status: 'scheduled' as const } : saved;
      if (clock.now() > Date.parse(state.deadlineAt)) finish(state, 'gave-up', 'deadline');
      else if (state !== saved) reschedule(state);
      else arm(state);
    }
  }

  const ready = resume();

  return {
    /** Resolves once persisted retests are loaded; every method below waits for it. */
    ready,
    schedule,

    async get(profileId: string): Promise<RetestState | null> {
      await ready;
      return states.get(profileId) ?? null;
    },

    /** Opt-in start; an active retest is returned unchanged, an ended one is replaced by a fresh one. */
    async start(profileId: string): Promise<RetestState> {
      await ready;
      const existing = states.get(profileId);
      if (existing && isRetestActive(existing.status)) return existing;
      const now = clock.now();
      const fresh: RetestState = {
        profileId,
        status: 'scheduled',
        startedAt: iso(now),
        deadlineAt: iso(now + schedule.giveUpAfterHours * 3_600_000),
        nextAttemptAt: null,
        cappedByHourlyLimit: false,
        attempts: [],
        finishedAt: null,
        stopReason: null,
      };
      return reschedule(fresh);
    },

    async cancel(profileId: string): Promise<RetestState | null> {
      await ready;
      const state = states.get(profileId);
      if (!state) return null;
      if (!isRetestActive(state.status)) return state;
      return finish(state, 'cancelled', 'cancelled');
    },

    /**
     * A test the user ran by hand while a retest is active: it counts towards the hourly cap and the backoff,
     * and a success or a non-waitable failure ends the retest just like an automatic one.
     */
    async recordManualAttempt(profileId: string, result: RetestProbeResult): Promise<RetestState | null> {
      await ready;
      const state = states.get(profileId);
      if (!state || state.status !== 'scheduled') return state ?? null;
      return applyResult(
        state,
        { at: iso(clock.now()), code: result.code, ok: result.ok, source: 'manual' },
        result.permanent === true,
      );
    },

    /** The profile was deleted: drop its retest and the persisted state. */
    async forget(profileId: string): Promise<void> {
      await ready;
      stopTimer(profileId);
      states.delete(profileId);
      await deps.persistence.remove(profileId).catch(report);
    },

    /** Stops all timers and waits for state writes in flight, so the next start reads the latest state. */
    async dispose(): Promise<void> {
      disposed = true;
      for (const id of [...timers.keys()]) stopTimer(id);
      await ready.catch(() => {});
      await saving;
    },
  };
}

export type RetestScheduler = ReturnType<typeof createRetestScheduler>;
