/**
 * Electron entry: app lifecycle and wiring only. Everything with logic lives in main/core and runs under plain Node.
 * Order matters: the app:// scheme before `ready`; the logger and crash handlers before anything that can fail;
 * the WebContents and session guards before any window or session exists.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { app, type BrowserWindow, session } from 'electron';

import { startHidden } from '../core/bridge-host/desktop-rules';
import { authorityFromEnv } from '../core/oauth/authority';
import { createServices, type Services } from '../core/services';
import { createAppLogger } from '../core/support/support-services';
import { registerAppSchemePrivileges, serveRenderer } from './app-protocol';
import { installBackground } from './background';
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

  let openWindow = () => {};
  app.on('second-instance', () => {
    if (!mainWindow) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
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

      const ready = services;
      openWindow = () => {
        if (mainWindow) {
          mainWindow.show();
          mainWindow.focus();
          return;
        }
        const win = createMainWindow(path.join(outDir, 'preload'), ready.vault.windowState, (url) =>
          log.warn(`blocked navigation from the app window: ${url}`),
        );
        mainWindow = win;
        reloadOnRendererCrash(win, log, crash);
        background.attach(win);
        win.on('closed', () => {
          mainWindow = undefined;
          // Portal sessions belong to this window's wizard; closing it signs them out and clears their storage.
          closeAllPortalWindows();
        });
      };
      const background = installBackground({
        services: ready,
        iconPath: path.join(outDir, '..', 'build', 'icons', '32x32.png'),
        showWindow: () => openWindow(),
      });
      // Every connection whose bridge is enabled starts now; a start with the computer stays in the tray.
      void ready.bridges.startAll().catch((err: unknown) => log.warn('bridges did not start', err));
      if (!startHidden(process.argv, ready.bridges.desktop())) openWindow();
    })
    .catch((err: unknown) => crash.handle('uncaughtException', err));

  // Closing the window while a bridge runs was decided in the window's close handler (background.ts).
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    log.info('quitting');
    void services?.dispose();
  });
}
