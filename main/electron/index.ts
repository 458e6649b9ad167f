/**
 * Electron entry: app lifecycle and wiring only. Everything with logic lives in main/core and runs under plain Node.
 * Order matters: the app:// scheme before `ready`; the logger and crash handlers before anything that can fail;
 * the WebContents and session guards before any window or session exists.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { app, type BrowserWindow, session } from 'electron';

import { authorityFromEnv } from '../core/oauth/authority';
import { createServices, type Services } from '../core/services';
import { createAppLogger } from '../core/support/support-services';
import { registerAppSchemePrivileges, serveRenderer } from './app-protocol';
import { installMainCrashHandlers, reloadOnRendererCrash } from './crash';
import { createElectronPlatform } from './electron-platform';
import { electronStoreBackend } from './electron-store-backend';
import { registerIpc } from './ipc';
import { createMainWindow } from './main-window';
import { createEmbeddedSignIn } from './oauth-window';
import { closeAllPortalWindows } from './portal-window';
import { hardenAllSessions, hardenSession } from './session-hardening';
import { guardAllWebContents } from './window-guards';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '..');

registerAppSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  // A second start focuses the running window (see 'second-instance') and ends here: two writers never share the store.
  app.quit();
} else {
  const dataDir = app.getPath('userData');
  const logger = createAppLogger(dataDir, app.isPackaged ? false : 'warn');
  const log = logger.child('app');
  let mainWindow: BrowserWindow | undefined;
  let services: Services | undefined;

  const crash = installMainCrashHandlers({
    log,
    logDir: logger.dir,
    writeBundle: () => {
      if (!services) throw new Error('The app had not finished starting; no bundle could be collected.');
      return services.support.writeEmergencyBundle();
    },
    language: () => services?.vault.settings.get().language ?? 'de',
  });
  log.info(
    `starting ${app.getName()} ${app.getVersion()} (Electron ${process.versions.electron}, ${process.platform} ${process.arch})`,
  );

  // Every WebContents and every session, including ones created later, starts locked down.
  guardAllWebContents(app, (url) => log.warn(`blocked navigation or new window: ${url}`));
  hardenAllSessions(app, (what, detail) => log.info(`denied ${what}: ${detail}`));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('child-process-gone', (_e, details) =>
    log.warn(`child process gone: ${details.type} ${details.reason} (exit code ${details.exitCode})`),
  );

  void app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, (what, detail) => log.info(`denied ${what}: ${detail}`));
      serveRenderer(path.join(outDir, 'renderer'));

      services = createServices({
        dataDir,
        platform: createElectronPlatform(),
        storeBackend: electronStoreBackend,
        logger,
        embeddedSignIn: createEmbeddedSignIn(authorityFromEnv().host, (url) =>
          log.warn(`sign-in window blocked ${url}`),
        ),
        appInfo: () => ({
          name: app.getName(),
          version: app.getVersion(),
          runtime: 'electron',
          platform: process.platform,
          versions: {
            electron: process.versions.electron ?? '',
            chrome: process.versions.chrome ?? '',
            node: process.versions.node,
            v8: process.versions.v8,
          },
        }),
      });
      const ipcLog = logger.child('ipc');
      registerIpc(
        services.handlers,
        () => mainWindow?.webContents,
        (err, channel) => ipcLog.error(`handler ${channel} failed`, err),
        (channel, url) => ipcLog.warn(`refused ${channel} from ${url}`),
      );

      mainWindow = createMainWindow(path.join(outDir, 'preload'), services.vault.windowState, (url) =>
        log.warn(`blocked navigation from the app window: ${url}`),
      );
      reloadOnRendererCrash(mainWindow, log, crash);
      mainWindow.on('closed', () => {
        mainWindow = undefined;
        // Portal sessions belong to this window's wizard; closing it signs them out and clears their storage.
        closeAllPortalWindows();
      });
    })
    .catch((err: unknown) => crash.handle('uncaughtException', err));

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    log.info('quitting');
    void services?.dispose();
  });
}
