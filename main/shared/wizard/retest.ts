/**
 * Automatic retests after a Microsoft-side change: the state main keeps per profile, as the renderer sees it
 * (in the wizard's view) and as it is persisted. Contains codes and timestamps only, never a secret.
 */
import { z } from 'zod';

import { permanentVerdict } from '../diagnosis/diagnose';
import type { ProbeReport } from '../probe/report';

export const RETEST_STATUSES = ['scheduled', 'running', 'succeeded', 'gave-up', 'stopped', 'cancelled'] as const;
export type RetestStatus = (typeof RETEST_STATUSES)[number];

/** Statuses in which the scheduler still plans attempts. */
export const isRetestActive = (status: RetestStatus): boolean => status === 'scheduled' || status === 'running';

/**
 * Why a retest ended: 'success' (a test passed), 'deadline' (no attempt fits into the time limit any more),
 * 'other-code' (a failure that waiting cannot fix, e.g. a TLS or DNS problem), 'cancelled' (the user stopped it).
 */
export type RetestStopReason = 'success' | 'deadline' | 'other-code' | 'cancelled';

const iso = z.iso.datetime({ offset: true });

export const retestAttemptSchema = z
  .object({
    at: iso,
    /** The probe's result code (main/shared/probe/codes.ts), or an app error code when the test could not run. */
    code: z.string().min(1).max(64),
    ok: z.boolean(),
    /** 'manual': a test the user ran while the retest was active; it counts towards the hourly cap too. */
    source: z.enum(['auto', 'manual']),
  })
  .strict();
export type RetestAttempt = z.infer<typeof retestAttemptSchema>;

export const retestStateSchema = z
  .object({
    profileId: z.string().min(1).max(64),
    status: z.enum(RETEST_STATUSES),
    startedAt: iso,
    /** No automatic attempt starts after this moment. */
    deadlineAt: iso,
    /** When the next automatic attempt starts; null once the retest has ended. */
    nextAttemptAt: iso.nullable(),
    /** True when `nextAttemptAt` was pushed back by the hourly cap rather than by the backoff alone. */
    cappedByHourlyLimit: z.boolean(),
    attempts: z.array(retestAttemptSchema).max(200),
    finishedAt: iso.nullable(),
    stopReason: z.enum(['success', 'deadline', 'other-code', 'cancelled']).nullable(),
  })
  .strict();
export type RetestState = z.infer<typeof retestStateSchema>;

/** The schedule the scheduler follows; shown in the UI so the admin knows what will happen. */
export interface RetestSchedule {
  /** Delay before the first automatic attempt, doubled after every attempt... */
  firstDelayMinutes: number;
  /** ...up to this ceiling. */
  maxDelayMinutes: number;
  /** Attempts (automatic and manual) allowed in any rolling 60 minutes. */
  maxAttemptsPerHour: number;
  /** Hours after the start after which no attempt is made any more. */
  giveUpAfterHours: number;
  /** Result codes worth waiting for; any other failure ends the retest at once. */
  retryOnCodes: readonly string[];
}

/**
 * 15 → 30 → 60 → 120 → 240 minutes, then every 4 hours, for a day: at most nine attempts, far below Smart Lockout's
 * ten failed sign-ins, and never more than four in any hour even with manual tests in between.
 */
export const RETEST_SCHEDULE: RetestSchedule = Object.freeze({
  firstDelayMinutes: 15,
  maxDelayMinutes: 240,
  maxAttemptsPerHour: 4,
  giveUpAfterHours: 24,
  retryOnCodes: Object.freeze(['AUTH_FAILED', 'TIMEOUT']),
});

/**
 * Whether an automatic retest is worth offering after this test: it failed with a code that waiting may fix, and
 * its leading cause is not a permanent one (Exchange Online refusing every password). The renderer shows the offer
 * from this, and main refuses to start one for a permanent verdict.
 */
export function retestEligible(report: ProbeReport, schedule: RetestSchedule = RETEST_SCHEDULE): boolean {
  return !report.ok && schedule.retryOnCodes.includes(report.code) && !permanentVerdict(report);
}
