import type { OpenedWindow } from '../../main/shared/ipc/channels/app';
import type { Platform } from '../../main/core/platform';

/** What the harness "did" instead of opening real windows: tests read it over /__harness/state. */
export interface HarnessObservations {
  windows: OpenedWindow[];
  notifications: { title: string; body: string }[];
  clipboard: string;
}

/**
 * Platform for the browser harness: nothing leaves the machine. Portal and external opens are recorded
 * and announced as `windowOpened` events; the clipboard is an in-memory stand-in.
 */
export function createHarnessPlatform(announce: (w: OpenedWindow) => void): { platform: Platform; observed: HarnessObservations } {
  const observed: HarnessObservations = { windows: [], notifications: [], clipboard: '' };
  const record = (w: OpenedWindow) => {
    observed.windows.push(w);
    announce(w);
  };
  const platform: Platform = {
    runtime: 'browser-harness',
    openPortal: async (url, purpose) => record({ kind: 'portal', url, purpose }),
    openExternal: async (url) => record({ kind: 'external', url }),
    writeClipboard: async (text) => {
      observed.clipboard = text;
    },
    readClipboard: async () => observed.clipboard,
    notify: (title, body) => {
      observed.notifications.push({ title, body });
    },
  };
  return { platform, observed };
}
