import { WIZARD_STEP_IDS, type WizardStepId } from '../../../main/shared/wizard/steps';

/** The wizard's steps in recommended order (shared with main: progress, reports and diagnoses use these ids). */
export const STEP_IDS = WIZARD_STEP_IDS;
export type StepId = WizardStepId;

export const isStepId = (value: unknown): value is StepId =>
  typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
