/**
 * The logging interface core code depends on. Services receive a `Logger` (never a file path or a library),
 * so tests inject a memory logger and the app injects the redacting file logger.
 */
import { LOG_LEVELS, type LogLevelSetting } from '@shared/ipc/channels/support';

export { LOG_LEVELS };
export type LogLevel = LogLevelSetting;

export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
  /** A logger whose lines carry `[scope]`, e.g. `logger.child('probe')`. */
  child(scope: string): Logger;
}

export const isLogLevel = (v: unknown): v is LogLevel =>
  typeof v === 'string' && (LOG_LEVELS as readonly string[]).includes(v);

/** True when a line at `level` passes a logger set to `threshold`. */
export const levelEnabled = (threshold: LogLevel, level: LogLevel): boolean =>
  LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);

/** Discards everything; the default where no logger was injected. */
export const nullLogger: Logger = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => nullLogger,
};

export interface MemoryLogEntry {
  level: LogLevel;
  scope?: string;
  message: string;
  details: unknown[];
}

/** Keeps entries in an array, for tests of code that logs. */
export function createMemoryLogger(
  entries: MemoryLogEntry[] = [],
  scope?: string,
): Logger & { entries: MemoryLogEntry[] } {
  const at =
    (level: LogLevel) =>
    (message: string, ...details: unknown[]) => {
      entries.push(scope === undefined ? { level, message, details } : { level, scope, message, details });
    };
  return {
    entries,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: (s) => createMemoryLogger(entries, scope ? `${scope}.${s}` : s),
  };
}
