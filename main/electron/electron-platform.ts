import path from 'node:path';

import { app, BrowserWindow, clipboard, dialog, Notification, shell } from 'electron';

import { loginItemSettings } from '../core/bridge-host/desktop-rules';
import type { Platform } from '../core/platform';
import { canOpenExternally } from '../shared/security/open-external';
import { openPortalWindow } from './portal-window';
import { launchPrivateBrowser } from './private-browser';

/** The Electron implementation of the host abilities core services use. */
export function createElectronPlatform(): Platform {
  // The one place the app hands a URL to the OS; the allowlist is checked here whatever the caller checked.
  const openExternal = async (url: string) => {
    if (!canOpenExternally(url)) throw new Error('This address may not be opened outside the app.');
    await shell.openExternal(url);
  };
  return {
    runtime: 'electron',
    openPortal: (url, purpose, options) =>
      openPortalWindow(url, purpose, options ?? { title: 'Microsoft', language: 'de' }, openExternal),
    launchBrowser: (launch) => launchPrivateBrowser(launch),
    chooseSavePath: async (defaultName, filters) => {
      const parent = BrowserWindow.getFocusedWindow();
      const options: Electron.SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), path.basename(defaultName)),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openExternal,
    writeClipboard: async (text) => clipboard.writeText(text),
    readClipboard: async () => clipboard.readText(),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    setOpenAtLogin: (open) => app.setLoginItemSettings(loginItemSettings(open)),
  };
}
