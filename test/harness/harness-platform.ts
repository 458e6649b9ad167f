import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Platform } from '@core/platform';
import type { BrowserLaunch } from '@core/wizard/browsers/detect';
import type { OpenedWindow } from '@shared/ipc/channels/app';

/** What the harness "did" instead of opening real windows: tests read it over /__harness/state. */
export interface HarnessObservations {
  /** Portal opens carry the identity as `purpose` ('admin' | 'mailbox'); external opens have none. */
  windows: OpenedWindow[];
  /** Portal window titles in the order of `windows` entries of kind 'portal'. */
  portalTitles: string[];
  /** Private-browser processes the app would have started (command and arguments, URL last). */
  browserLaunches: BrowserLaunch[];
  notifications: { title: string; body: string }[];
  /** Current content of the stand-in clipboard; tests may overwrite it to play "the user copied something else". */
  clipboard: string;
  /** Every clipboard write in order, including the clearing ''. */
  clipboardWrites: number;
  /** Save dialogs the app asked for, with the path the harness answered (null: cancelled). */
  saveDialogs: { defaultName: string; path: string | null }[];
  /** Every "start with the computer" switch the app asked for, in order. */
  openAtLogin: boolean[];
}

export interface HarnessPlatformOptions {
  /** Save dialogs answer with `<dataDir>/exports/<default name>`; a temporary folder when absent. */
  dataDir?: string;
}

export interface HarnessControls {
  /** The next save dialog is "cancelled" by the user. */
  cancelNextSaveDialog(): void;
}

/**
 * Platform for the browser harness: nothing leaves the machine. Portal and external opens are recorded
 * and announced as `windowOpened` events; browsers are not started; the clipboard is an in-memory stand-in.
 */
export function createHarnessPlatform(
  announce: (w: OpenedWindow) => void,
  opts: HarnessPlatformOptions = {},
): { platform: Platform; observed: HarnessObservations; controls: HarnessControls } {
  const observed: HarnessObservations = {
    windows: [],
    portalTitles: [],
    browserLaunches: [],
    notifications: [],
    clipboard: '',
    clipboardWrites: 0,
    saveDialogs: [],
    openAtLogin: [],
  };
  let cancelSave = false;
  const exportsDir = path.join(opts.dataDir ?? path.join(os.tmpdir(), `assistant-harness-${process.pid}`), 'exports');
  const record = (w: OpenedWindow) => {
    observed.windows.push(w);
    announce(w);
  };
  const platform: Platform = {
    runtime: 'browser-harness',
    openPortal: async (url, purpose, options) => {
      observed.portalTitles.push(options?.title ?? '');
      record({ kind: 'portal', url, purpose });
    },
    launchBrowser: async (launch) => {
      observed.browserLaunches.push({ command: launch.command, args: [...launch.args] });
    },
    chooseSavePath: async (defaultName) => {
      if (cancelSave) {
        cancelSave = false;
        observed.saveDialogs.push({ defaultName, path: null });
        return null;
      }
      mkdirSync(exportsDir, { recursive: true });
      const target = path.join(exportsDir, path.basename(defaultName));
      observed.saveDialogs.push({ defaultName, path: target });
      return target;
    },
    openExternal: async (url) => record({ kind: 'external', url }),
    writeClipboard: async (text) => {
      observed.clipboard = text;
      observed.clipboardWrites++;
    },
    readClipboard: async () => observed.clipboard,
    notify: (title, body) => {
      observed.notifications.push({ title, body });
    },
    setOpenAtLogin: (open) => {
      observed.openAtLogin.push(open);
    },
  };
  return {
    platform,
    observed,
    controls: {
      cancelNextSaveDialog: () => {
        cancelSave = true;
      },
    },
  };
}
