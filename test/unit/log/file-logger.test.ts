import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createFileLogger, rotatedName } from '@core/log/file-logger';
import { readLogLevel, writeLogLevel } from '@core/log/log-settings';
import { afterEach, describe, expect, it } from 'vitest';

const PASSWORD = 'Canary-Pw-7Qz!9xK';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'assistant-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const allLogText = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');

describe('file logger', () => {
  it('writes one redacted line per entry, with time, level and scope', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir });
    log.info('probe started', { host: 'outlook.office365.com', password: PASSWORD });
    log.child('imap').warn(`server said: a1 LOGIN admin ${PASSWORD}`);
    log.error('token refresh failed', new Error(`Authorization: Bearer ${TOKEN}`));
    const text = readFileSync(log.file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(TOKEN);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[info\] probe started .*outlook\.office365\.com/,
    );
    expect(lines[1]).toMatch(/\[warn\] \[imap\] server said: a1 LOGIN \[redacted\]$/);
    expect(text).toContain('[error] token refresh failed Error: Authorization: [redacted]');
    expect(text).toContain('file-logger.test.ts'); // the stack trace is kept
  });

  it('filters by level and applies a level change at once', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir, level: 'warn' });
    log.info('not written');
    log.debug('not written either');
    log.warn('written');
    log.setLevel('debug');
    log.debug('now written');
    const text = readFileSync(log.file, 'utf8');
    expect(text).not.toContain('not written');
    expect(text).toContain('written');
    expect(text).toContain('now written');
    expect(log.level()).toBe('debug');
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir, maxBytes: 2_000, keep: 2 });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(80)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const f of files) expect(statSync(path.join(dir, f)).size).toBeLessThan(2_000 + 200);
    expect(readFileSync(log.file, 'utf8')).toContain('line 199 ');
    expect(log.files()).toEqual([log.file, rotatedName(log.file, 1), rotatedName(log.file, 2)]);
  });

  it('creates the log owner-only', () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    const log = createFileLogger({ dir: path.join(dir, 'logs') });
    log.info('hello');
    expect(statSync(log.file).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'logs')).mode & 0o777).toBe(0o700);
  });

  it('never writes a canary secret, whatever shape it is logged in', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir, level: 'debug' });
    const b64 = Buffer.from(`\0user@example.org\0${PASSWORD}`).toString('base64');
    log.debug('C: a1 AUTHENTICATE PLAIN ' + b64);
    log.debug('settings', { auth: { user: 'u', pass: PASSWORD }, list: [{ appPassword: PASSWORD }] });
    log.debug(`url imaps://u:${PASSWORD}@host/`);
    log.debug('%s', `password=${PASSWORD}`);
    log.info('array', [TOKEN]);
    const text = allLogText(dir);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(b64);
    expect(text).not.toContain(TOKEN);
  });
});

describe('log level setting', () => {
  it('defaults to info, persists a choice and ignores a damaged file', () => {
    const dir = tempDir();
    expect(readLogLevel(dir)).toBe('info');
    writeLogLevel(dir, 'debug');
    expect(readLogLevel(dir)).toBe('debug');
    writeLogLevel(dir, 'error');
    expect(readLogLevel(dir)).toBe('error');
    rmSync(path.join(dir, 'log-settings.json'));
    expect(readLogLevel(dir)).toBe('info');
  });
});
