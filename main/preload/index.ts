/**
 * Exposes exactly the contract's API as `window.assistant`: one method per channel and a typed `on()` for
 * contract events. No raw ipcRenderer and no generic invoke reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, isEventName, type AssistantApi } from '../shared/ipc/contract';

const api: Record<string, unknown> = {};
for (const name of channelNames) {
  api[name] = (input?: unknown) => ipcRenderer.invoke(name, input);
}
api.on = (name: unknown, listener: (payload: unknown) => void) => {
  if (!isEventName(name) || typeof listener !== 'function') throw new Error('Unknown event');
  const wrapped = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(`event:${name}`, wrapped);
  return () => ipcRenderer.removeListener(`event:${name}`, wrapped);
};

contextBridge.exposeInMainWorld('assistant', api as AssistantApi);
