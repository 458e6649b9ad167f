/**
 * The only shape that crosses the IPC boundary: handlers never throw across it.
 * `code` is stable (tests and UI key on it); `message` is a developer-facing English sentence,
 * the renderer looks up localized text by code.
 */
export type IpcError = { code: string; message: string; details?: unknown };
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside main-side handlers to produce a typed failure; the dispatcher converts it. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
