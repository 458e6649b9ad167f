import type { WizardStepId } from '@shared/wizard/steps';

/** A step id (shared with main: progress, reports and diagnoses use them); a connection walks its route's (the view's `steps`). */
export type StepId = WizardStepId;
