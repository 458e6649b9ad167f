/**
 * Wizard progress per profile: for each step, whether the admin confirmed it, when, and their own note.
 * Confirmation times matter beyond display: a Microsoft change can take hours to apply, so diagnoses weigh
 * "how long ago was this confirmed".
 */
import { z } from 'zod';

import { isoTimestampSchema } from './timestamp';

/** Step ids come from the wizard (`renderer/src/wizard/steps.ts`); kept open here so new steps need no migration. */
// One regex (no refine) because it runs for every step of every profile on each load; the lookahead refuses
// prototype-reaching keys, since step ids key records.
export const stepIdSchema = z
  .string()
  .regex(/^(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_-]{0,47}$/, { error: 'stepId.invalid' });

export const stepStatusSchema = z.enum(['open', 'done', 'attention']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const noteSchema = z.string().max(2000, { error: 'note.tooLong' });

/** Older confirmations are kept (capped) so undo-and-redo stays traceable. */
export const MAX_CONFIRMATIONS_PER_STEP = 10;

export const stepProgressSchema = z
  .object({
    status: stepStatusSchema,
    /** When the step was last confirmed as done; null when open or undone. */
    confirmedAt: isoTimestampSchema.nullable(),
    /** Every confirmation, oldest first, including undone ones. */
    confirmations: z.array(isoTimestampSchema).max(MAX_CONFIRMATIONS_PER_STEP),
    note: noteSchema,
    updatedAt: isoTimestampSchema,
  })
  .strict();
export type StepProgress = z.infer<typeof stepProgressSchema>;

export const wizardProgressSchema = z
  .object({
    currentStepId: stepIdSchema.nullable(),
    steps: z.record(stepIdSchema, stepProgressSchema),
  })
  .strict();
export type WizardProgress = z.infer<typeof wizardProgressSchema>;

export const emptyProgress = (): WizardProgress => ({ currentStepId: null, steps: {} });

/** One change to one step. 'attention' is set when a test shows the step's effect is missing. */
export const stepActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm'), note: noteSchema.optional() }).strict(),
  z.object({ action: z.literal('undo') }).strict(),
  z.object({ action: z.literal('attention'), note: noteSchema.optional() }).strict(),
  z.object({ action: z.literal('note'), note: noteSchema }).strict(),
]);
export type StepAction = z.infer<typeof stepActionSchema>;
