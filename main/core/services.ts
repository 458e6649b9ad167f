/**
 * Composition root for the main-process services, shared by the Electron edge and the browser harness.
 * Plain Node only: everything host-specific arrives through `Platform`.
 */
import type { Handlers } from './ipc/handlers';
import type { Platform } from './platform';
import type { AppInfo } from '../shared/ipc/channels/app';
import { createAppHandlers } from './app/app-handlers';
import { createSettingsStore } from './store/settings-store';

export interface ServiceOptions {
  /** Folder for the store and logs (Electron: app.getPath('userData'); harness: --data-dir). */
  dataDir: string;
  platform: Platform;
  appInfo: () => AppInfo;
}

export interface Services {
  handlers: Handlers;
  /** Releases timers, sockets and file handles; called on quit and by tests. */
  dispose(): Promise<void>;
}

export function createServices(opts: ServiceOptions): Services {
  const settings = createSettingsStore(opts.dataDir);
  const handlers: Handlers = {
    ...createAppHandlers({ settings, info: opts.appInfo }),
  };
  return {
    handlers,
    async dispose() {},
  };
}
