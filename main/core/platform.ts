import type { OpenedWindow } from '../shared/ipc/channels/app';

/**
 * What core services need from the host environment. The Electron edge implements it with real windows,
 * clipboard and notifications; the browser harness implements it observably for tests. Core never imports Electron.
 */
export interface Platform {
  readonly runtime: 'electron' | 'browser-harness';
  /** Opens a Microsoft portal page in an isolated session for one identity (`purpose`, e.g. 'admin' or 'mailbox'). */
  openPortal(url: string, purpose: string): Promise<void>;
  /** Opens a URL in the user's default browser (allowlisted hosts only; the caller checks). */
  openExternal(url: string): Promise<void>;
  /** Writes text to the clipboard; returns a function that reads it back (to clear it only if unchanged). */
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  notify(title: string, body: string): void;
  /** Reports windows to observers (tests, logs). */
  onWindowOpened?: (w: OpenedWindow) => void;
}
