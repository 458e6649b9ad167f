/** Pure transitions of one wizard step; the store persists the result. */
import {
  MAX_CONFIRMATIONS_PER_STEP,
  type StepAction,
  type StepProgress,
  type WizardProgress,
} from '@shared/profile/progress';

const blankStep = (at: string): StepProgress => ({
  status: 'open',
  confirmedAt: null,
  confirmations: [],
  note: '',
  updatedAt: at,
});

export function applyStepAction(
  progress: WizardProgress,
  stepId: string,
  action: StepAction,
  at: string,
): WizardProgress {
  const step = progress.steps[stepId] ?? blankStep(at);
  let next: StepProgress;
  switch (action.action) {
    case 'confirm':
      next = {
        ...step,
        status: 'done',
        confirmedAt: at,
        confirmations: [...step.confirmations, at].slice(-MAX_CONFIRMATIONS_PER_STEP),
        note: action.note ?? step.note,
        updatedAt: at,
      };
      break;
    case 'undo':
      // The confirmation stays in `confirmations` (history); only the current state goes back to open.
      next = { ...step, status: 'open', confirmedAt: null, updatedAt: at };
      break;
    case 'attention':
      next = { ...step, status: 'attention', note: action.note ?? step.note, updatedAt: at };
      break;
    case 'note':
      next = { ...step, note: action.note, updatedAt: at };
      break;
  }
  return { ...progress, steps: { ...progress.steps, [stepId]: next } };
}
