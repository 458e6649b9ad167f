/**
 * The wizard, owned by main: per connection the profile, progress, route and sign-in, retests and the last report
 * of each test, changed only through commands shaped like what the admin does, and observed as one derived view.
 */
import type { WizardView } from '@shared/wizard/view';

import { connectionCommands } from './connection-commands';
import { createCore, type WizardStateDeps } from './core';
import { oauthCommands } from './oauth-commands';
import { testCommands } from './test-commands';

export type { WizardStateDeps } from './core';

export function createWizardStateService(deps: WizardStateDeps) {
  const listeners = new Set<(view: WizardView) => void>();
  const core = createCore(deps, (view) => {
    for (const listener of listeners) listener(view);
  });
  return {
    ...connectionCommands(core),
    ...testCommands(core),
    ...oauthCommands(core),
    /** Every view derived from now on, in order. */
    subscribe(listener: (view: WizardView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /**
     * Something changed outside the commands (an automatic retest, a bridge's status): publish a fresh view. With
     * `fn`, another domain's command (the bridge's) runs in the same queue and answers with the view after it.
     */
    changed: (fn?: () => unknown): Promise<WizardView> => core.change(fn),
    /** Stops the tests still running. */
    dispose(): void {
      core.runs.cancelAll();
      listeners.clear();
    },
  };
}

export type WizardStateService = ReturnType<typeof createWizardStateService>;
