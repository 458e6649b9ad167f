import type { ComponentType } from 'react';

/** The wizard's steps in recommended order; ids are stored with progress, so never rename one. */
export const STEP_IDS = [
  'start',
  'profile',
  'network',
  'securityDefaults',
  'perUserMfa',
  'appPassword',
  'test',
  'agorum',
  'morePasswords',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface StepProps {
  stepId: StepId;
}

/** Step bodies register here; a step without a body shows a placeholder. */
export const stepComponents: Partial<Record<StepId, ComponentType<StepProps>>> = {};
