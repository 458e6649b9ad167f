import type { AppSettings } from '@shared/ipc/channels/app';

import type { AppStore } from './app-store';

/** The foundation's settings API (language), now a view on the full app store. */
export interface SettingsStore {
  get(): AppSettings;
  update(patch: Partial<AppSettings>): AppSettings;
}

export function createSettingsStore(store: AppStore): SettingsStore {
  const pick = (): AppSettings => ({ language: store.getSettings().language });
  return {
    get: pick,
    update(patch) {
      if (patch.language !== undefined) store.updateSettings({ language: patch.language });
      return pick();
    },
  };
}
