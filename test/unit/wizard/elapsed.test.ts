import { securityDefaultsWeight } from '@shared/diagnosis/diagnose';
import type { StepProgress } from '@shared/profile/progress';
import { confirmedAtOf, hoursSinceConfirmed } from '@shared/wizard/elapsed';
import { WIZARD_STEP_IDS } from '@shared/wizard/steps';
import { describe, expect, it } from 'vitest';

const step = (over: Partial<StepProgress>): StepProgress => ({
  status: 'done',
  confirmedAt: '2026-11-20T08:00:00.000Z',
  confirmations: ['2026-11-20T08:00:00.000Z'],
  note: '',
  updatedAt: '2026-11-20T08:00:00.000Z',
  ...over,
});
const now = Date.parse('2026-11-20T10:30:00.000Z');

describe('hours since the security-defaults step was confirmed', () => {
  it('counts hours (fractional) from the last confirmation', () => {
    expect(hoursSinceConfirmed({ steps: { securityDefaults: step({}) } }, now)).toBe(2.5);
    expect(hoursSinceConfirmed({ steps: { securityDefaults: step({}) } }, new Date(now))).toBe(2.5);
  });

  it('is null when the step is open, undone or unknown', () => {
    expect(hoursSinceConfirmed(undefined, now)).toBeNull();
    expect(hoursSinceConfirmed({ steps: {} }, now)).toBeNull();
    expect(
      hoursSinceConfirmed({ steps: { securityDefaults: step({ status: 'open', confirmedAt: null }) } }, now),
    ).toBeNull();
    expect(hoursSinceConfirmed({ steps: { securityDefaults: step({ confirmedAt: 'garbage' }) } }, now)).toBeNull();
  });

  it('keeps counting when a test flagged the step for attention (the change was still made)', () => {
    expect(hoursSinceConfirmed({ steps: { securityDefaults: step({ status: 'attention' }) } }, now)).toBe(2.5);
  });

  it('treats a confirmation in the future (clock changed) as just now', () => {
    expect(
      hoursSinceConfirmed({ steps: { securityDefaults: step({ confirmedAt: '2026-11-21T00:00:00.000Z' }) } }, now),
    ).toBe(0);
  });

  it('reads other steps on request, and only the shared step ids exist', () => {
    expect(
      hoursSinceConfirmed(
        { steps: { perUserMfa: step({ confirmedAt: '2026-11-20T10:00:00.000Z' }) } },
        now,
        'perUserMfa',
      ),
    ).toBe(0.5);
    expect(WIZARD_STEP_IDS).toContain('securityDefaults');
  });
});

describe('confirmation time for the diagnosis', () => {
  it('hands the stored timestamp to diagnose(), which weighs the propagation cause by it', () => {
    const progress = { steps: { securityDefaults: step({}) } };
    expect(confirmedAtOf(progress)).toBe('2026-11-20T08:00:00.000Z');
    expect(confirmedAtOf({ steps: {} })).toBeUndefined();
    expect(confirmedAtOf({ steps: { securityDefaults: step({ confirmedAt: 'x' }) } })).toBeUndefined();
    // Two and a half hours after the change the "still taking effect" cause is weighted higher than a day later.
    const fresh = hoursSinceConfirmed(progress, now)!;
    const old = hoursSinceConfirmed(progress, now + 30 * 3_600_000)!;
    expect(securityDefaultsWeight(fresh)).toBeGreaterThan(securityDefaultsWeight(old));
  });
});
