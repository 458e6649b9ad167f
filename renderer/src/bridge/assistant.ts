/**
 * The only module that touches `window.assistant` (set by the preload in Electron, by the harness script in a browser).
 * Everything else imports `assistant` from here, fully typed by the IPC contract.
 */
import type { AssistantApi } from '@shared/ipc/contract';

declare global {
  interface Window {
    assistant?: AssistantApi;
  }
}

export function getAssistant(): AssistantApi {
  if (!window.assistant)
    throw new Error('The app bridge is missing: open the app from Electron or the browser harness.');
  return window.assistant;
}

export const assistant: AssistantApi = new Proxy({} as AssistantApi, {
  get: (_t, prop) => (getAssistant() as unknown as Record<string | symbol, unknown>)[prop],
});
