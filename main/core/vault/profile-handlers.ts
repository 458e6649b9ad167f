import type { HandlerSlice } from '../ipc/handlers';
import type { AppStore } from '../store/app-store';

export type ProfileChannel = 'listProfiles' | 'getProfile' | 'createProfile' | 'getPreferences' | 'setWindowState';

export function createProfileHandlers(store: AppStore): HandlerSlice<ProfileChannel> {
  return {
    listProfiles: () => store.listProfiles(),
    getProfile: ({ id }) => store.requireProfile(id),
    createProfile: (draft) => store.createProfile(draft),
    getPreferences: () => store.getSettings(),
    setWindowState: (windowState) => store.updateSettings({ windowState }),
  };
}
