import type { WizardProgress } from '../profile/progress';
import { SECURITY_DEFAULTS_STEP, type WizardStepId } from './steps';
import type { RegistrationPartId } from './tracks';

/**
 * When a step was (last) confirmed as done, as stored; undefined when it is not confirmed or the timestamp is
 * unusable. This is what `diagnose(report, { securityDefaultsConfirmedAt })` (main/shared/diagnosis) takes to weigh
 * "the change may still be taking effect".
 */
export function confirmedAtOf(
  progress: Pick<WizardProgress, 'steps'> | undefined,
  stepId: WizardStepId | RegistrationPartId = SECURITY_DEFAULTS_STEP,
): string | undefined {
  // 'attention' keeps confirmedAt: a failed test does not undo the admin's change, it only questions its effect.
  const confirmedAt = progress?.steps[stepId]?.confirmedAt;
  return confirmedAt && !Number.isNaN(Date.parse(confirmedAt)) ? confirmedAt : undefined;
}

/**
 * Hours since a step was (last) confirmed as done, or null when it is not confirmed. A confirmation in the future
 * (clock changed) counts as 0 hours rather than being dropped: the admin did confirm it, just now as far as we know.
 */
export function hoursSinceConfirmed(
  progress: Pick<WizardProgress, 'steps'> | undefined,
  now: Date | number,
  stepId: WizardStepId | RegistrationPartId = SECURITY_DEFAULTS_STEP,
): number | null {
  const confirmedAt = confirmedAtOf(progress, stepId);
  if (confirmedAt === undefined) return null;
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return Math.max(0, nowMs - Date.parse(confirmedAt)) / 3_600_000;
}
