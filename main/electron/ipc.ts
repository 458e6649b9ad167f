import { ipcMain, type WebContents } from 'electron';

import { dispatch } from '../core/ipc/dispatch';
import type { Handlers } from '../core/ipc/handlers';
import { channelNames, type EventName, type EventPayload } from '../shared/ipc/contract';
import { fail } from '../shared/ipc/result';
import { isTrustedSender } from './sender-check';

export function sendEvent<E extends EventName>(
  target: WebContents | undefined,
  name: E,
  payload: EventPayload<E>,
): void {
  if (target && !target.isDestroyed()) target.send(`event:${name}`, payload);
}

/** Registers one ipcMain.handle per contract channel; every call is sender-checked and schema-validated. */
export function registerIpc(
  handlers: Handlers,
  trusted: () => WebContents | undefined,
  onInternalError: (err: unknown, channel: string) => void,
  onRefused: (channel: string, url: string) => void = () => {},
): void {
  for (const name of channelNames) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, event.sender, trusted)) {
        onRefused(name, event.senderFrame?.url ?? 'unknown');
        return fail('FORBIDDEN_SENDER', 'This window may not call the app.');
      }
      return dispatch(handlers, name, input, { emit: (e, p) => sendEvent(event.sender, e, p) }, onInternalError);
    });
  }
}
