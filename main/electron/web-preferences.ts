import type { Session, WebPreferences } from 'electron';

/** What a window may choose. Everything else in its webPreferences is fixed by hardenedWebPreferences(). */
export interface WindowChoices {
  /** The app window's preload; portal and sign-in windows have none. */
  preload?: string;
  /** A partition of its own (portal and sign-in windows). */
  session?: Session;
  /** Whether DevTools can open: `!app.isPackaged` for development builds, or false. */
  devTools: boolean;
  /** Blink features to switch off on top; there is no way to switch one on. */
  disableBlinkFeatures?: string;
}

/**
 * The one place a window's webPreferences are written: every `new BrowserWindow` and every popup a window handler
 * allows takes this object unchanged (test/unit/security/source-scan.test.ts checks the call sites). Only the
 * choices above are copied in, one by one, so a stray property of the argument cannot reach Electron; the
 * protections come after them and win.
 */
export function hardenedWebPreferences(choices: WindowChoices): WebPreferences {
  const { preload, session, devTools, disableBlinkFeatures } = choices;
  return {
    ...(preload === undefined ? {} : { preload }),
    ...(session === undefined ? {} : { session }),
    ...(disableBlinkFeatures === undefined ? {} : { disableBlinkFeatures }),
    devTools: devTools === true,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker would fetch dictionaries from a Google CDN; nothing here needs it.
    spellcheck: false,
  };
}
