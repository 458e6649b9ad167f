import { backoffMs, planNextAttempt } from '@core/wizard/retest/policy';
import { createRetestScheduler, type RetestProbeResult } from '@core/wizard/retest/scheduler';
import { AppError } from '@shared/ipc/result';
import { RETEST_SCHEDULE } from '@shared/wizard/retest';
import { describe, expect, it, vi } from 'vitest';

import { AUTH_FAILED, HOUR, MIN, minutesSinceT0, OK, rig, T0, useFakeClock } from './retest-rig';

useFakeClock();

describe('retest schedule (pure)', () => {
  it('backs off 15 → 30 → 60 → 120 → 240 minutes and stays at the 4 h ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 12, 80].map((n) => backoffMs(n, RETEST_SCHEDULE) / MIN)).toEqual([
      15, 30, 60, 120, 240, 240, 240, 240,
    ]);
  });

  it('pushes an attempt back until fewer than four attempts lie in the hour before it', () => {
    const at = (m: number) => new Date(T0 + m * MIN).toISOString();
    const state = {
      startedAt: at(0),
      deadlineAt: at(24 * 60),
      attempts: [1, 2, 3, 4].map((m) => ({ at: at(m), code: 'AUTH_FAILED', ok: false, source: 'manual' as const })),
    };
    // Backoff alone says 4 + 15 = 19 min; the attempt at minute 1 leaves the window at minute 61.
    expect(planNextAttempt(state, RETEST_SCHEDULE)).toEqual({ at: T0 + 61 * MIN, capped: true });
    expect(planNextAttempt({ ...state, attempts: state.attempts.slice(1) }, RETEST_SCHEDULE)).toEqual({
      at: T0 + 19 * MIN,
      capped: false,
    });
  });

  it('plans nothing past the deadline', () => {
    const at = (m: number) => new Date(T0 + m * MIN).toISOString();
    expect(planNextAttempt({ startedAt: at(0), deadlineAt: at(10), attempts: [] }, RETEST_SCHEDULE)).toBeNull();
  });
});

describe('retest scheduler', () => {
  it('retries refused logins on the backoff schedule and gives up after 24 h with the basic-auth explanation', async () => {
    const r = rig([AUTH_FAILED]);
    const s = createRetestScheduler(r.deps);
    const started = await s.start('p1');
    expect(started.status).toBe('scheduled');
    expect(minutesSinceT0(started.nextAttemptAt!)).toBe(15);
    expect(minutesSinceT0(started.deadlineAt)).toBe(24 * 60);

    await vi.advanceTimersByTimeAsync(26 * HOUR);
    expect(r.calls.map((t) => (t - T0) / MIN)).toEqual([15, 45, 105, 225, 465, 705, 945, 1185, 1425]);
    const end = (await s.get('p1'))!;
    expect(end).toMatchObject({ status: 'gave-up', stopReason: 'deadline', nextAttemptAt: null });
    expect(end.attempts).toHaveLength(9);
    expect(r.notifications).toHaveLength(1);
    expect(r.notifications[0]!.title).toBe('Automatischer Test aufgegeben – Rechnungen');
    expect(r.notifications[0]!.body).toMatch(/24 Stunden/);
    expect(r.notifications[0]!.body).toMatch(/Standardauthentifizierung/);
    expect(r.notifications[0]!.body).toMatch(/OAuth 2\.0/);
    expect(vi.getTimerCount()).toBe(0);
    await s.dispose();
  });

  it('no automatic attempt makes it more than four attempts in an hour, manual tests included', async () => {
    // Deterministic pseudo-random manual tests sprinkled over the day.
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const r = rig([AUTH_FAILED]);
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    const manual: number[] = [];
    for (let t = 0; t < 24 * 60;) {
      const step = Math.floor(rand() * 8) + 1;
      await vi.advanceTimersByTimeAsync(step * MIN);
      t += step;
      if ((await s.get('p1'))!.status !== 'scheduled') break;
      if (rand() < 0.6) {
        manual.push(Date.now());
        await s.recordManualAttempt('p1', AUTH_FAILED);
      }
    }
    const all = [...manual, ...r.calls].sort((a, b) => a - b);
    expect(manual.length).toBeGreaterThan(10);
    expect(r.calls.length).toBeGreaterThan(0);
    for (const auto of r.calls) {
      const inHour = all.filter((t) => t > auto - HOUR && t <= auto).length;
      expect(inHour, `auto attempt at minute ${(auto - T0) / MIN}`).toBeLessThanOrEqual(4);
    }
    await s.dispose();
  });

  it('shows a deferral by the hourly cap in the state', async () => {
    const r = rig([AUTH_FAILED]);
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    for (let m = 1; m <= 4; m++) {
      await vi.advanceTimersByTimeAsync(MIN);
      await s.recordManualAttempt('p1', AUTH_FAILED);
    }
    const st = (await s.get('p1'))!;
    expect(st.cappedByHourlyLimit).toBe(true);
    expect(minutesSinceT0(st.nextAttemptAt!)).toBe(61);
    await vi.advanceTimersByTimeAsync(56 * MIN);
    expect(r.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2 * MIN);
    expect(r.calls.map((t) => (t - T0) / MIN)).toEqual([61]);
    await s.dispose();
  });

  it('stops after the first success and says so', async () => {
    const r = rig([AUTH_FAILED, { ok: false, code: 'TIMEOUT' }, OK, AUTH_FAILED]);
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(r.calls).toHaveLength(3);
    expect(await s.get('p1')).toMatchObject({ status: 'succeeded', stopReason: 'success', nextAttemptAt: null });
    expect(r.notifications).toEqual([
      { title: 'Verbindung erfolgreich – Rechnungen', body: expect.stringMatching(/anmelden/) as unknown as string },
    ]);
    await s.dispose();
  });

  it.each(['TLS_UNTRUSTED', 'AUTH_THROTTLED', 'DNS_NOT_FOUND', 'MAILBOX_NOT_CONNECTED'])(
    'stops at once on %s',
    async (code) => {
      const r = rig([AUTH_FAILED, { ok: false, code }]);
      const s = createRetestScheduler(r.deps);
      await s.start('p1');
      await vi.advanceTimersByTimeAsync(24 * HOUR);
      expect(r.calls).toHaveLength(2);
      expect(await s.get('p1')).toMatchObject({ status: 'stopped', stopReason: 'other-code' });
      expect(r.notifications).toHaveLength(1);
      expect(r.notifications[0]!.body).toContain(code);
      await s.dispose();
    },
  );

  it('stops at once when an attempt shows a permanent cause, automatic or manual', async () => {
    const permanent = { ...AUTH_FAILED, permanent: true };
    const r = rig([permanent]);
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(r.calls).toHaveLength(1);
    expect(await s.get('p1')).toMatchObject({ status: 'stopped', stopReason: 'other-code' });
    await s.start('p2');
    expect(await s.recordManualAttempt('p2', permanent)).toMatchObject({ status: 'stopped', stopReason: 'other-code' });
    await s.dispose();
  });

  it('a probe that throws ends the retest with its error code instead of crashing', async () => {
    const r = rig([new AppError('PROFILE_NOT_FOUND', 'gone')]);
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    await vi.advanceTimersByTimeAsync(20 * MIN);
    expect(await s.get('p1')).toMatchObject({
      status: 'stopped',
      attempts: [{ code: 'PROFILE_NOT_FOUND', source: 'auto' }],
    });
    await s.dispose();
  });

  it('a manual success ends the retest too', async () => {
    const r = rig([AUTH_FAILED]);
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    await vi.advanceTimersByTimeAsync(20 * MIN);
    await s.recordManualAttempt('p1', OK);
    expect(await s.get('p1')).toMatchObject({ status: 'succeeded' });
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(r.calls).toHaveLength(1);
    await s.dispose();
  });

  it('cancel stops further attempts without a notification; a running attempt is still recorded', async () => {
    let release!: (v: RetestProbeResult) => void;
    const r = rig([AUTH_FAILED]);
    r.deps.runProbe = () => new Promise((res) => (release = res));
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect((await s.get('p1'))!.status).toBe('running');
    const cancelled = await s.cancel('p1');
    expect(cancelled).toMatchObject({ status: 'cancelled', stopReason: 'cancelled', nextAttemptAt: null });
    release(AUTH_FAILED);
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    const st = (await s.get('p1'))!;
    expect(st.status).toBe('cancelled');
    expect(st.attempts).toHaveLength(1);
    expect(r.notifications).toEqual([]);
    expect(await s.cancel('unknown')).toBeNull();
    await s.dispose();
  });

  it('start is idempotent while active and restarts after an end', async () => {
    const r = rig([OK]);
    const s = createRetestScheduler(r.deps);
    const a = await s.start('p1');
    await vi.advanceTimersByTimeAsync(5 * MIN);
    expect(await s.start('p1')).toEqual(a);
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect((await s.get('p1'))!.status).toBe('succeeded');
    const b = await s.start('p1');
    expect(b.status).toBe('scheduled');
    expect(b.attempts).toEqual([]);
    expect(Date.parse(b.startedAt)).toBe(T0 + 20 * MIN);
    await s.dispose();
  });

  it('reports every change to the listener (countdown and end)', async () => {
    const r = rig([AUTH_FAILED, OK]);
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(r.updates.map((u) => u.status)).toEqual(['scheduled', 'running', 'scheduled', 'running', 'succeeded']);
    expect(r.updates.map((u) => u.nextAttemptAt && minutesSinceT0(u.nextAttemptAt))).toEqual([15, 15, 45, 45, null]);
    await s.dispose();
  });

  it('notices after a sleep that an attempt is overdue and runs it once, not once per missed slot', async () => {
    const r = rig([AUTH_FAILED]);
    const s = createRetestScheduler(r.deps);
    await s.start('p1');
    // The machine slept for three hours: the wall clock jumped, timers did not run.
    vi.setSystemTime(T0 + 3 * HOUR);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(r.calls).toHaveLength(1);
    expect(minutesSinceT0((await s.get('p1'))!.nextAttemptAt!)).toBeCloseTo(180 + 1 + 30, 0);
    await s.dispose();
  });
});
