/**
 * Crash safety at the Electron edge: uncaught exceptions and unhandled rejections in main, and a window whose
 * renderer process died. The decisions live in main/core/support (tested under Node); this file only connects
 * them to `process`, native dialogs and the window.
 */
import { app, type BrowserWindow, dialog, shell } from 'electron';

import type { Logger } from '../core/log/logger';
import { type CrashDialog, type CrashKind, type CrashOutcome, createCrashHandler } from '../core/support/crash-handler';
import { createRendererCrashPolicy } from '../core/support/renderer-crash-policy';
import type { Language } from '../shared/ipc/channels/app';

export interface CrashWiring {
  handle(kind: CrashKind, reason: unknown): CrashOutcome;
}

function showCrashDialog(d: CrashDialog): void {
  // Before `ready` only the synchronous error box is available.
  if (!app.isReady()) {
    dialog.showErrorBox(d.title, `${d.message}\n\n${d.detail}`);
    return;
  }
  const buttons = d.bundlePath
    ? [d.buttons.keepGoing, d.buttons.showFile, d.buttons.quit]
    : [d.buttons.keepGoing, d.buttons.quit];
  void dialog
    .showMessageBox({
      type: 'error',
      title: d.title,
      message: d.message,
      detail: d.detail,
      buttons,
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    })
    .then(({ response }) => {
      if (buttons[response] === d.buttons.showFile && d.bundlePath) shell.showItemInFolder(d.bundlePath);
      if (buttons[response] === d.buttons.quit) app.quit();
    });
}

/** Installs the process-wide handlers; call once, as early as possible (right after the logger exists). */
export function installMainCrashHandlers(deps: {
  log: Logger;
  logDir: string;
  /** Writes an emergency support bundle; throws while the services are not up yet. */
  writeBundle: () => string;
  language: () => Language;
}): CrashWiring {
  const handler = createCrashHandler({ ...deps, showDialog: showCrashDialog });
  process.on('uncaughtException', (err) => handler.handle('uncaughtException', err));
  process.on('unhandledRejection', (reason) => handler.handle('unhandledRejection', reason));
  return handler;
}

/**
 * A renderer crash reloads the page: wizard state lives in main's store, so the page comes back where it was.
 * A page that keeps crashing is left alone and reported like a main-process crash.
 */
export function reloadOnRendererCrash(win: BrowserWindow, log: Logger, crash: CrashWiring): void {
  const policy = createRendererCrashPolicy();
  win.webContents.on('render-process-gone', (_e, details) => {
    const action = policy.onGone(details.reason);
    log.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode}); ${action}`);
    if (win.isDestroyed()) return;
    if (action === 'reload') win.webContents.reload();
    if (action === 'give-up')
      crash.handle('rendererCrashLoop', new Error(`The window crashed repeatedly (${details.reason}).`));
  });
  win.webContents.on('unresponsive', () => log.warn('window stopped responding'));
  win.webContents.on('responsive', () => log.info('window responds again'));
}
