/** Reading main's view the way the steps need it: the active connection, and a step's (or part's) status. */
import { useWizardView } from '@renderer/bridge/wizard-view';
import type { StepStatusView } from '@shared/wizard/step-status';
import type { RegistrationPartId } from '@shared/wizard/tracks';
import type { ConnectionView, WizardView } from '@shared/wizard/view';

import type { StepId } from '../steps';

const OPEN: StepStatusView = { status: 'open' };

export function statusIn(view: WizardView | undefined, id: StepId | RegistrationPartId): StepStatusView {
  const part = view?.active?.parts[id as RegistrationPartId];
  return part ?? view?.steps.find((s) => s.id === id)?.status ?? OPEN;
}

/** The active connection's view; undefined without a connection (or before main's first view). */
export function useActive(): ConnectionView | undefined {
  return useWizardView()?.active ?? undefined;
}

/** The status of a step of the active connection's route, as the step list shows it. */
export function useStatus(id: StepId | RegistrationPartId): StepStatusView {
  return statusIn(useWizardView(), id);
}
