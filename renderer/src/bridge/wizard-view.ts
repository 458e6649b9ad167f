/**
 * The wizard's view as main derives it, kept for React: the `wizardView` event and every command's answer feed
 * one store, and a view older than the one shown (a late answer) is dropped, so the screen never steps back.
 */
import type { WizardView } from '@shared/wizard/view';
import { useSyncExternalStore } from 'react';

import { assistant } from './assistant';
import { call } from './call';

let current: WizardView | undefined;
const listeners = new Set<() => void>();
let started = false;

/** Takes a view from main unless a newer one is already shown. */
export function acceptView(view: WizardView): void {
  if (current && view.revision <= current.revision) return;
  current = view;
  listeners.forEach((l) => l());
}

function start(): void {
  if (started) return;
  started = true;
  assistant.on('wizardView', acceptView);
  void call(() => assistant.getWizardView()).then((r) => r.ok && acceptView(r.value));
}

function subscribe(listener: () => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current view; undefined until main's first answer arrived. */
export function useWizardView(): WizardView | undefined {
  return useSyncExternalStore(subscribe, () => current);
}
