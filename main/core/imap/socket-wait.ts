import type { Socket } from 'node:net';

/**
 * Waits for a socket to reach `event` ('connect', 'secureConnect'). Rejects on 'error' (and on 'close' when
 * `closeError` is given); when `signal` aborts first, the half-open socket is destroyed so it cannot outlive the wait.
 */
export function socketReady<T extends Socket>(
  socket: T,
  event: string,
  signal: AbortSignal,
  closeError?: () => Error,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      socket.off(event, onReady);
      socket.off('error', onError);
      socket.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
    };
    const onReady = () => {
      cleanup();
      resolve(socket);
    };
    const onError = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onClose = () => closeError && onError(closeError());
    const onAbort = () => {
      cleanup();
      socket.destroy();
    };
    socket.once(event, onReady);
    socket.once('error', onError);
    socket.once('close', onClose);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
