import { clipboard, Notification, shell } from 'electron';
import type { Platform } from '../core/platform';
import { openPortalWindow } from './portal-window';

/** The Electron implementation of the host abilities core services use. */
export function createElectronPlatform(): Platform {
  return {
    runtime: 'electron',
    openPortal: async (url, purpose) => openPortalWindow(url, purpose),
    openExternal: (url) => shell.openExternal(url),
    writeClipboard: async (text) => clipboard.writeText(text),
    readClipboard: async () => clipboard.readText(),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  };
}
