/**
 * The app's log file: electron-log's Node entry (it needs no Electron, so the harness and the app share it)
 * with our own line format, size-based rotation and — on every line, for every transport — redaction.
 * Files are created owner-only (0600) in an owner-only folder.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';

import electronLog from 'electron-log/node';

import { levelEnabled, type Logger, type LogLevel } from './logger';
import { type RedactOptions, redactText, redactValue } from './redact';

export const LOG_FILE_NAME = 'main.log';

export interface FileLoggerOptions {
  dir: string;
  level?: LogLevel;
  /** Rotate when the current file grows past this many bytes. */
  maxBytes?: number;
  /** Rotated files kept besides the current one (main.1.log … main.N.log). */
  keep?: number;
  /** Also print to stdout/stderr from this level on (development); off by default. */
  consoleLevel?: LogLevel | false;
  homeDir?: string;
}

export interface FileLogger extends Logger {
  readonly dir: string;
  readonly file: string;
  level(): LogLevel;
  setLevel(level: LogLevel): void;
  /** The current file and its rotated predecessors that exist, newest first. */
  files(): string[];
}

export const DEFAULT_MAX_LOG_BYTES = 512 * 1024;
export const DEFAULT_KEPT_LOGS = 3;

interface LogMessage {
  data: unknown[];
  date: Date;
  level: string;
  scope?: string;
}

/** One log entry as text; exported for the support bundle's tests and for other transports. */
export function formatLogLine(message: LogMessage, redact: RedactOptions = {}): string {
  const parts = message.data.map((d) => {
    if (typeof d === 'string') return d;
    if (d instanceof Error) {
      const extra = redactValue({ ...d }, redact) as Record<string, unknown>;
      const fields = Object.keys(extra).length ? ` ${inspect(extra, { depth: 4, breakLength: Infinity })}` : '';
      return `${d.stack ?? `${d.name}: ${d.message}`}${fields}`;
    }
    return inspect(redactValue(d, redact), { depth: 6, breakLength: Infinity, compact: true });
  });
  const scope = message.scope ? ` [${message.scope}]` : '';
  return redactText(`${message.date.toISOString()} [${message.level}]${scope} ${parts.join(' ')}`, redact);
}

export function rotatedName(file: string, n: number): string {
  const { dir, name, ext } = path.parse(file);
  return path.join(dir, `${name}.${n}${ext}`);
}

function rotate(file: string, keep: number): void {
  rmSync(rotatedName(file, keep), { force: true });
  for (let i = keep - 1; i >= 1; i--) {
    if (existsSync(rotatedName(file, i))) renameSync(rotatedName(file, i), rotatedName(file, i + 1));
  }
  if (keep >= 1) renameSync(file, rotatedName(file, 1));
  else rmSync(file, { force: true });
}

let instances = 0;

export function createFileLogger(opts: FileLoggerOptions): FileLogger {
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const file = path.join(opts.dir, LOG_FILE_NAME);
  const keep = opts.keep ?? DEFAULT_KEPT_LOGS;
  const redact: RedactOptions = { homeDir: opts.homeDir ?? os.homedir() };
  let threshold: LogLevel = opts.level ?? 'info';

  const log = electronLog.create({ logId: `mailadapter-assistant-${++instances}` });
  // logData is electron-log's untyped entry point that lets a message carry its own scope.
  const logData = (log as unknown as { logData(data: unknown[], o: { level: LogLevel; scope?: string }): void })
    .logData;
  const fileTransport = log.transports.file;
  fileTransport.resolvePathFn = () => file;
  fileTransport.level = 'debug';
  fileTransport.maxSize = opts.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  fileTransport.sync = true; // a line is on disk before a crash dialog appears
  fileTransport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  fileTransport.transforms = [({ message }) => formatLogLine(message as LogMessage, redact)];
  fileTransport.archiveLogFn = () => rotate(file, keep);

  const consoleTransport = log.transports.console;
  consoleTransport.level = opts.consoleLevel ?? false;
  consoleTransport.transforms = [({ message }) => [formatLogLine(message as LogMessage, redact)]];
  for (const name of ['ipc', 'remote'] as const) {
    const t = (log.transports as Record<string, { level: unknown } | undefined>)[name];
    if (t) t.level = false;
  }

  const write = (level: LogLevel, scope: string | undefined, message: string, details: unknown[]) => {
    if (!levelEnabled(threshold, level)) return;
    logData([message, ...details], scope ? { level, scope } : { level });
  };
  const make = (scope?: string): Logger => ({
    error: (m, ...d) => write('error', scope, m, d),
    warn: (m, ...d) => write('warn', scope, m, d),
    info: (m, ...d) => write('info', scope, m, d),
    debug: (m, ...d) => write('debug', scope, m, d),
    child: (s) => make(scope ? `${scope}.${s}` : s),
  });

  return {
    ...make(),
    dir: opts.dir,
    file,
    level: () => threshold,
    setLevel(level) {
      threshold = level;
    },
    files: () =>
      [file, ...Array.from({ length: keep }, (_, i) => rotatedName(file, i + 1))].filter((f) => existsSync(f)),
  };
}
