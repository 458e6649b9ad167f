import { WIZARD_STEP_IDS, type WizardStepId } from '@shared/wizard/steps';

/** Every step id (shared with main: progress, reports and diagnoses use them); the order a connection walks is its route's (the view's `steps`). */
export const STEP_IDS = WIZARD_STEP_IDS;
export type StepId = WizardStepId;

export const isStepId = (value: unknown): value is StepId =>
  typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
