import type { IpcError } from '@shared/ipc/result';
import { useSyncExternalStore } from 'react';

/** The last refused or failed call, shown in the status line so no failure goes unseen. */
let lastError: IpcError | undefined;
const listeners = new Set<() => void>();

export function reportError(error: IpcError | undefined): void {
  lastError = error;
  listeners.forEach((l) => l());
}

export function useLastError(): IpcError | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => lastError,
  );
}
