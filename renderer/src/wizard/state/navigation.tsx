/**
 * Where the admin is looking: the step on screen, what to focus in it, and where Back leads from the route choice
 * (which is on neither route's list). Everything the screen shows about connections, steps and tests is main's
 * view (bridge/wizard-view.ts); this context only walks it.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import { useWizardView } from '@renderer/bridge/wizard-view';
import type { WizardView } from '@shared/wizard/view';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

import type { StepId } from '../steps';

export interface Navigation {
  /** Main's first view has arrived. */
  ready: boolean;
  /** The step on screen, always one the active connection's route walks (or the route choice). */
  step: StepId;
  /** Bumped on every step change the user makes, so the shell moves focus to the new step's heading. */
  stepChange: number;
  /** An element id inside the new step to focus instead of its heading (a part a diagnosis points to). */
  focusTarget: string | undefined;
  /** Where Next and Back lead from the step on screen (undefined at either end of the route). */
  nextStep: StepId | undefined;
  prevStep: StepId | undefined;
  goTo(step: StepId, focusTarget?: string): void;
  next(): void;
  back(): void;
  /** Opens another connection where it was left. */
  openConnection(profileId: string): Promise<void>;
}

const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const ctx = useContext(NavigationContext);
  if (!ctx) throw new Error('useNavigation needs a NavigationProvider');
  return ctx;
}

const onList = (view: WizardView | undefined, id: StepId) => view?.steps.some((s) => s.id === id) ?? false;

export function NavigationProvider({ children }: { children: ReactNode }) {
  const view = useWizardView();
  // The step the admin went to; until they go anywhere, where the active connection was left (a start resumes
  // there without moving focus). What shows is its counterpart when the route does not walk it (see `step`).
  const [went, setWent] = useState<StepId | null>(null);
  const chosen = went ?? view?.active?.savedStep ?? 'start';
  const [stepChange, setStepChange] = useState(0);
  const [focusTarget, setFocusTarget] = useState<string>();
  const [returnTo, setReturnTo] = useState<StepId>('profile');
  const ready = view !== undefined;

  const step = view ? view.stepFor[chosen] : chosen;
  const profileId = view?.active?.profile.id;

  const goTo = useCallback(
    (next: StepId, focus?: string) => {
      if (!onList(view, next) && onList(view, step)) setReturnTo(step);
      setWent(next);
      setFocusTarget(focus);
      setStepChange((n) => n + 1);
      if (profileId) void wizard.goToStep({ profileId, stepId: next });
    },
    [view, step, profileId],
  );

  const openConnection = useCallback(async (id: string) => {
    const r = await wizard.selectConnection({ profileId: id });
    const saved = r.ok ? r.value.active?.savedStep : undefined;
    if (saved) setWent(saved);
  }, []);

  const steps = view?.steps.map((s) => s.id) ?? [];
  const index = steps.indexOf(step);
  // Main decides where Next leads (at Exchange Online never into a route nobody chose). The route choice is on no
  // list: Back returns to where the admin came from.
  const nextStep = view ? (view.next[step] ?? undefined) : undefined;
  const prevStep = index < 0 ? returnTo : steps[index - 1];

  const value = useMemo<Navigation>(
    () => ({
      ready,
      step,
      stepChange,
      focusTarget,
      nextStep,
      prevStep,
      goTo,
      next: () => nextStep && goTo(nextStep),
      back: () => prevStep && goTo(prevStep),
      openConnection,
    }),
    [ready, step, stepChange, focusTarget, nextStep, prevStep, goTo, openConnection],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}
