/**
 * The wizard's rules about tests, each in one place: which step a test proves, what its outcome does to that step,
 * which tests count towards the automatic retests' hourly cap, and what a failed password test offers next.
 */
import { permanentVerdict } from '@shared/diagnosis/diagnose';
import { offerSwitchAfter } from '@shared/oauth/track';
import { type ProbeReport, stageOf } from '@shared/probe/report';
import type { StepAction, StepStatus } from '@shared/profile/progress';
import { retestEligible } from '@shared/wizard/retest';
import type { WizardStepId } from '@shared/wizard/steps';
import type { TestKind } from '@shared/wizard/view';

/** The step each test proves. */
export const STEP_OF_TEST: Readonly<Record<TestKind, WizardStepId>> = {
  network: 'network',
  password: 'test',
  xoauth2: 'oauthTest',
};

type Outcome = Pick<ProbeReport, 'ok' | 'code'>;

/**
 * A pass confirms the test's step, a failure asks for attention; a step already in that state stays as it is (its
 * confirmation time keeps meaning "since when"). A cancelled test says nothing about the setup.
 */
export function stepChangeAfterTest(report: Outcome, current: StepStatus): StepAction | null {
  if (report.ok) return current === 'done' ? null : { action: 'confirm' };
  if (report.code === 'CANCELLED') return null;
  return current === 'attention' ? null : { action: 'attention' };
}

/**
 * Smart Lockout counts sign-ins with the app password, so every password test counts towards the hourly cap of the
 * automatic retests — except a cancelled one, which proves nothing and must not end a retest.
 */
export const countsTowardsRetestCap = (kind: TestKind, report: Outcome): boolean =>
  kind === 'password' && report.code !== 'CANCELLED';

/**
 * Automatic retests are offered after a password test that failed in a way waiting may fix, unless its leading cause
 * is permanent (Exchange Online refusing every password); the wizard-services start refuses those too.
 */
export const retestOffered = (report: ProbeReport | null): boolean => report !== null && retestEligible(report);

/** A failure whose leading cause no retest can change ends an automatic retest at once. */
export function isPermanent(report: ProbeReport): boolean {
  try {
    return permanentVerdict(report);
  } catch {
    // An odd report shape is no reason to end a retest.
    return false;
  }
}

/** Exchange Online refusing an app password is the moment to offer modern authentication. */
export const switchOffered = (report: ProbeReport | null, host: string): boolean =>
  report !== null && offerSwitchAfter(report.code, host, report.server.product);

/** Which test a report came from, read from what the probe recorded about its input. */
export function testKindOf(report: ProbeReport): TestKind {
  const input = stageOf(report, 'input')?.details;
  if (input?.networkOnly) return 'network';
  return input?.credential === 'xoauth2' ? 'xoauth2' : 'password';
}

/** Stored reports are kept as plain JSON; only ones shaped like a probe report are shown again. */
export const looksLikeReport = (value: unknown): value is ProbeReport =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as ProbeReport).stages) &&
  typeof (value as ProbeReport).code === 'string' &&
  typeof (value as ProbeReport).server === 'object';
