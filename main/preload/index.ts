/**
 * Exposes exactly the contract's API as `window.assistant`: one method per channel and a typed `on()` for
 * contract events. No raw ipcRenderer and no generic invoke reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';

import type { AssistantApi } from '../shared/ipc/contract';

// The contract's names, inlined at build time by main/esbuild.config.ts (the schemas stay in main, which validates).
declare const __ASSISTANT_CHANNELS__: readonly string[];
declare const __ASSISTANT_EVENTS__: readonly string[];
const eventNames = new Set(__ASSISTANT_EVENTS__);

const api: Record<string, unknown> = {};
for (const name of __ASSISTANT_CHANNELS__) {
  api[name] = (input?: unknown) => ipcRenderer.invoke(name, input);
}
api.on = (name: unknown, listener: (payload: unknown) => void) => {
  if (typeof name !== 'string' || !eventNames.has(name) || typeof listener !== 'function')
    throw new Error('Unknown event');
  const wrapped = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(`event:${name}`, wrapped);
  return () => ipcRenderer.removeListener(`event:${name}`, wrapped);
};

contextBridge.exposeInMainWorld('assistant', api as AssistantApi);
