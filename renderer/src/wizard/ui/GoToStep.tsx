import type { ReactNode } from 'react';

import { useNavigation } from '../state/navigation';
import type { StepId } from '../steps';

/** The way to what a step still needs: a button that opens the step where it is done. */
export function GoToStep({ step, label }: { step: StepId; label: ReactNode }) {
  const { goTo } = useNavigation();
  return (
    <button type="button" className="button" onClick={() => goTo(step)}>
      {label}
    </button>
  );
}
