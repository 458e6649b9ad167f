/**
 * Browser-side twin of main/preload: builds `window.assistant` with the same shape (one method per contract
 * channel + `on()`), carried over HTTP POST and Server-Sent Events instead of Electron IPC.
 * Bundled by the harness at start-up and served as /harness-bridge.js.
 */
import { type AssistantApi, channelNames, isEventName } from '@shared/ipc/contract';

const TOKEN_KEY = 'assistant-harness-token';
const fromUrl = new URLSearchParams(location.search).get('token');
if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';

async function invoke(channel: string, input: unknown): Promise<unknown> {
  const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Assistant-Token': token },
    body: JSON.stringify({ input: input === undefined ? null : input, hasInput: input !== undefined }),
  });
  return res.json();
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
source.onmessage = (m) => {
  const { name, payload } = JSON.parse(m.data as string) as { name: string; payload: unknown };
  listeners.get(name)?.forEach((l) => l(payload));
};

const api: Record<string, unknown> = {};
for (const name of channelNames) api[name] = (input?: unknown) => invoke(name, input);
api.on = (name: unknown, listener: (payload: unknown) => void) => {
  if (!isEventName(name) || typeof listener !== 'function') throw new Error('Unknown event');
  const set = listeners.get(name) ?? new Set();
  set.add(listener);
  listeners.set(name, set);
  return () => set.delete(listener);
};

(window as unknown as { assistant: AssistantApi }).assistant = Object.freeze(api) as AssistantApi;
