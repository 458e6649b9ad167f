import type { Language, OpenedWindow } from '../shared/ipc/channels/app';
import type { BrowserLaunch } from './wizard/browsers/detect';

/** How a portal window presents itself: its title names the identity, prompts use the app's language. */
export interface PortalWindowOptions {
  title: string;
  language: Language;
}

/** A file type offered in a save dialog, e.g. `{ name: 'HTML', extensions: ['html'] }`. */
export interface SaveFilter {
  name: string;
  extensions: string[];
}

/**
 * What core services need from the host environment. The Electron edge implements it with real windows,
 * clipboard and notifications; the browser harness implements it observably for tests. Core never imports Electron.
 */
export interface Platform {
  readonly runtime: 'electron' | 'browser-harness';
  /** Opens a Microsoft portal page in an isolated session for one identity (`purpose`, e.g. 'admin' or 'mailbox'). */
  openPortal(url: string, purpose: string, options?: PortalWindowOptions): Promise<void>;
  /** Starts a browser process (private window) detached from the app; never through a shell. */
  launchBrowser(launch: BrowserLaunch): Promise<void>;
  /** Asks the user where to save a file; null when they cancel. The harness answers with a path in its data dir. */
  chooseSavePath(defaultName: string, filters: SaveFilter[]): Promise<string | null>;
  /** Opens a URL in the user's default browser (allowlisted hosts only; the caller checks). */
  openExternal(url: string): Promise<void>;
  /** Writes text to the clipboard; returns a function that reads it back (to clear it only if unchanged). */
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  notify(title: string, body: string): void;
  /** Starts the app with the computer (login item), hidden in the background; absent where there is no such thing. */
  setOpenAtLogin?(open: boolean): void;
  /** Reports windows to observers (tests, logs). */
  onWindowOpened?: (w: OpenedWindow) => void;
}
