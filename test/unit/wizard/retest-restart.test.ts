/** Retests across an app restart, and the notification texts they raise. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { retestNotification } from '@core/wizard/retest/notification-text';
import { createJsonFileRetestPersistence, createMemoryRetestPersistence } from '@core/wizard/retest/persistence';
import { createRetestScheduler } from '@core/wizard/retest/scheduler';
import { describe, expect, it, vi } from 'vitest';

import { AUTH_FAILED, HOUR, MIN, minutesSinceT0, OK, rig, T0, useFakeClock } from './retest-rig';

useFakeClock();

describe('retest across an app restart', () => {
  it('resumes with the remaining delay, not from the start', async () => {
    const persistence = createMemoryRetestPersistence();
    const first = rig([AUTH_FAILED], persistence);
    const s1 = createRetestScheduler(first.deps);
    await s1.start('p1');
    await vi.advanceTimersByTimeAsync(20 * MIN); // attempt 1 at 15, next at 45
    expect(first.calls).toHaveLength(1);
    await s1.dispose();

    // The app is closed for ten minutes.
    vi.setSystemTime(T0 + 30 * MIN);
    const second = rig([AUTH_FAILED], persistence);
    const s2 = createRetestScheduler(second.deps);
    const resumed = (await s2.get('p1'))!;
    expect(resumed.status).toBe('scheduled');
    expect(minutesSinceT0(resumed.nextAttemptAt!)).toBe(45);
    await vi.advanceTimersByTimeAsync(14 * MIN);
    expect(second.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2 * MIN);
    expect(second.calls.map((t) => (t - T0) / MIN)).toEqual([45]);
    // The backoff continues where it was: 60 minutes after the second attempt.
    expect(minutesSinceT0((await s2.get('p1'))!.nextAttemptAt!)).toBe(105);
    await s2.dispose();
  });

  it('runs an attempt that fell due while the app was closed right away', async () => {
    const persistence = createMemoryRetestPersistence();
    const s1 = createRetestScheduler(rig([AUTH_FAILED], persistence).deps);
    await s1.start('p1');
    await s1.dispose();
    vi.setSystemTime(T0 + 2 * HOUR);
    const second = rig([AUTH_FAILED], persistence);
    const s2 = createRetestScheduler(second.deps);
    await vi.advanceTimersByTimeAsync(10);
    expect(second.calls.map((t) => (t - T0) / MIN)).toEqual([120]);
    await s2.dispose();
  });

  it('an attempt cut off by a quit is redone on the next start', async () => {
    const persistence = createMemoryRetestPersistence();
    const r = rig([AUTH_FAILED], persistence);
    r.deps.runProbe = () => new Promise(() => {}); // the app quits while this hangs
    const s1 = createRetestScheduler(r.deps);
    await s1.start('p1');
    await vi.advanceTimersByTimeAsync(15 * MIN);
    await s1.dispose();
    expect((await persistence.load())[0]!.status).toBe('running');
    const second = rig([OK], persistence);
    const s2 = createRetestScheduler(second.deps);
    await vi.advanceTimersByTimeAsync(10);
    expect(second.calls).toHaveLength(1);
    expect((await s2.get('p1'))!.status).toBe('succeeded');
    await s2.dispose();
  });

  it('gives up without an attempt when the app comes back after the deadline', async () => {
    const persistence = createMemoryRetestPersistence();
    const s1 = createRetestScheduler(rig([AUTH_FAILED], persistence).deps);
    await s1.start('p1');
    await s1.dispose();
    vi.setSystemTime(T0 + 25 * HOUR);
    const second = rig([AUTH_FAILED], persistence, 'en');
    const s2 = createRetestScheduler(second.deps);
    expect(await s2.get('p1')).toMatchObject({ status: 'gave-up', stopReason: 'deadline' });
    expect(second.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(second.notifications[0]!.title).toBe('Automatic test gave up – Rechnungen');
    await s2.dispose();
  });

  it('survives through the JSON file as well; a damaged file is moved aside, not trusted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'retest-'));
    const s1 = createRetestScheduler(rig([AUTH_FAILED], createJsonFileRetestPersistence(dir)).deps);
    await s1.start('p1');
    await s1.dispose();
    const s2 = createRetestScheduler(rig([AUTH_FAILED], createJsonFileRetestPersistence(dir)).deps);
    expect(minutesSinceT0((await s2.get('p1'))!.nextAttemptAt!)).toBe(15);
    await s2.forget('p1');
    await s2.dispose();
    const s3 = createRetestScheduler(rig([AUTH_FAILED], createJsonFileRetestPersistence(dir)).deps);
    expect(await s3.get('p1')).toBeNull();
    await s3.dispose();

    const { readdirSync, writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'retest.json'), '{"version":1,"states":[{"profileId":"x","status":"bogus"}]}');
    const damaged = createJsonFileRetestPersistence(dir);
    expect(damaged.loadEvents).toMatchObject([
      { kind: 'recovered', reason: 'schema', salvaged: { kept: 0, dropped: 1 } },
    ]);
    const s4 = createRetestScheduler(rig([AUTH_FAILED], damaged).deps);
    expect(await s4.get('x')).toBeNull();
    await s4.dispose();
    expect(readdirSync(dir).filter((f) => f.startsWith('retest.corrupt-'))).toHaveLength(1);
  });
});

describe('retest notification text', () => {
  it('explains the basic-auth switch-off in both languages when logins were refused', () => {
    const de = retestNotification('gave-up', { language: 'de', lastCode: 'AUTH_FAILED', hours: 24 });
    const en = retestNotification('gave-up', {
      language: 'en',
      lastCode: 'AUTH_FAILED',
      hours: 24,
      profileName: 'Invoices',
    });
    expect(de.title).toBe('Automatischer Test aufgegeben');
    expect(de.body).toMatch(/Exchange Online.*Standardauthentifizierung.*2023/s);
    expect(en.title).toBe('Automatic test gave up – Invoices');
    expect(en.body).toMatch(/Exchange Online.*basic authentication.*2023/s);
    expect(en.body).toMatch(/OAuth 2\.0/);
  });

  it('points to the network check when the server kept timing out', () => {
    const t = retestNotification('gave-up', { language: 'en', lastCode: 'TIMEOUT', hours: 24 });
    expect(t.body).toMatch(/network check/);
    expect(t.body).not.toMatch(/basic authentication/);
  });
});
