import type { AppInfo } from '@shared/ipc/channels/app';

import type { HandlerSlice } from '../ipc/handlers';
import type { SettingsStore } from '../store/settings-store';

export interface AppHandlerDeps {
  settings: SettingsStore;
  info: () => AppInfo;
}

export function createAppHandlers(
  deps: AppHandlerDeps,
): HandlerSlice<'getAppInfo' | 'getSettings' | 'setLanguage' | 'ping'> {
  return {
    getAppInfo: () => deps.info(),
    getSettings: () => deps.settings.get(),
    setLanguage: ({ language }) => deps.settings.update({ language }),
    ping: ({ text }) => ({ text, at: new Date().toISOString() }),
  };
}
