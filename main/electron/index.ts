/**
 * Electron entry: app lifecycle and wiring only. Everything with logic lives in main/core and runs under plain Node.
 */
import { app, type BrowserWindow, session, type WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from '../core/services';
import { registerAppSchemePrivileges, serveRenderer } from './app-protocol';
import { createElectronPlatform } from './electron-platform';
import { registerIpc } from './ipc';
import { createMainWindow, type WindowBounds } from './main-window';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '..');

registerAppSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  // A second start focuses the running window (see 'second-instance') and ends here: two writers never share the store.
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  let services: Services | undefined;
  let windowBounds: WindowBounds | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _p, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    serveRenderer(path.join(outDir, 'renderer'));

    services = createServices({
      dataDir: app.getPath('userData'),
      platform: createElectronPlatform(),
      appInfo: () => ({
        name: app.getName(),
        version: app.getVersion(),
        runtime: 'electron',
        platform: process.platform,
        versions: {
          electron: process.versions.electron ?? '',
          chrome: process.versions.chrome ?? '',
          node: process.versions.node,
        },
      }),
    });
    registerIpc(services.handlers, () => mainWindow?.webContents, (err, channel) =>
      console.error(`IPC handler ${channel} failed`, err),
    );

    mainWindow = createMainWindow(
      path.join(outDir, 'preload'),
      { load: () => windowBounds, save: (b) => (windowBounds = b) },
      (url) => console.warn('Blocked navigation to', url),
    );
    mainWindow.on('closed', () => (mainWindow = undefined));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void services?.dispose());
}
