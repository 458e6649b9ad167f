/**
 * The log level the user chose, kept next to the logs (not in the profile store, so the store's schema and
 * migrations stay the store's business). A missing or unreadable file means the default.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { isLogLevel, type LogLevel } from './logger';

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';
const FILE = 'log-settings.json';

export function readLogLevel(logDir: string): LogLevel {
  try {
    const parsed = JSON.parse(readFileSync(path.join(logDir, FILE), 'utf8')) as { level?: unknown };
    return isLogLevel(parsed.level) ? parsed.level : DEFAULT_LOG_LEVEL;
  } catch {
    return DEFAULT_LOG_LEVEL;
  }
}

/** Atomic: a crash mid-write leaves the previous file. */
export function writeLogLevel(logDir: string, level: LogLevel): void {
  const target = path.join(logDir, FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ level })}\n`, { mode: 0o600 });
  renameSync(tmp, target);
}
