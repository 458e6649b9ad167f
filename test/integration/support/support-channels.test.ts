import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { dispatch } from '@core/ipc/dispatch';
import type { Handlers } from '@core/ipc/handlers';
import { createSupportServices, logDirFor } from '@core/support/support-services';
import type { LogSettings, SaveSupportBundleResult, SupportBundlePreview } from '@shared/ipc/channels/support';
import type { Result } from '@shared/ipc/result';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';

// The support channels end to end below the transport: contract validation → dispatcher → handlers → files.
const PASSWORD = 'Canary-Pw-7Qz!9xK';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function start(opts: { savePath?: string | null; now?: () => Date; dirPrefix?: string } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), opts.dirPrefix ?? 'assistant-support-'));
  dirs.push(dataDir);
  const asked: string[] = [];
  const support = createSupportServices({
    dataDir,
    appInfo: () => ({
      name: 'Mailadapter Assistant',
      version: '0.9.0',
      runtime: 'browser-harness',
      platform: process.platform,
      versions: {},
    }),
    platform: {
      chooseSavePath: async (name) => {
        asked.push(name);
        return opts.savePath === undefined ? path.join(dataDir, 'exports', name) : opts.savePath;
      },
    },
    sources: { settings: () => ({ language: 'en', smtp: { password: PASSWORD } }), reports: () => ({}) },
    ...(opts.now ? { now: opts.now } : {}),
  });
  const call = <T>(channel: string, input?: unknown) =>
    dispatch(support.handlers as unknown as Handlers, channel, input, { emit: () => {} }) as Promise<Result<T>>;
  return { dataDir, support, call, asked };
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('support channels', () => {
  it('preview lists the files; save writes exactly those files as a zip where the user chose', async () => {
    const { support, call, asked, dataDir } = start();
    support.logger.info('probe finished', { password: PASSWORD });
    const preview = value(await call<SupportBundlePreview>('previewSupportBundle'));
    expect(preview.files.map((f) => f.name)).toEqual(['system.json', 'settings.json', 'reports.json', 'logs/main.log']);
    expect(preview.totalBytes).toBe(preview.files.reduce((n, f) => n + f.bytes, 0));
    expect(JSON.stringify(preview)).not.toContain(PASSWORD);
    // Anything logged after the preview is not in the saved bundle: what was shown is what is saved.
    support.logger.info('after the preview');

    const saved = value(
      await call<SaveSupportBundleResult>('saveSupportBundle', {
        previewId: preview.previewId,
        omit: ['reports.json'],
      }),
    );
    expect(asked).toEqual([preview.fileName]);
    expect(saved).toMatchObject({ saved: true, files: ['system.json', 'settings.json', 'logs/main.log'] });
    if (!saved.saved) throw new Error('not saved');
    expect(saved.path).toBe(path.join(dataDir, 'exports', preview.fileName));
    const zip = unzipSync(new Uint8Array(readFileSync(saved.path)));
    expect(Object.keys(zip).sort()).toEqual(['logs/main.log', 'settings.json', 'system.json']);
    for (const f of preview.files.filter((x) => x.name !== 'reports.json'))
      expect(strFromU8(zip[f.name]!)).toBe(f.content);
    expect(strFromU8(zip['logs/main.log']!)).not.toContain('after the preview');
    expect(Buffer.from(readFileSync(saved.path)).toString('latin1')).not.toContain(PASSWORD);
    if (process.platform !== 'win32') expect(statSync(saved.path).mode & 0o777).toBe(0o600);
  });

  it('cancelling the save dialog writes nothing', async () => {
    const { call, dataDir } = start({ savePath: null });
    const preview = value(await call<SupportBundlePreview>('previewSupportBundle'));
    expect(value(await call<SaveSupportBundleResult>('saveSupportBundle', { previewId: preview.previewId }))).toEqual({
      saved: false,
      reason: 'cancelled',
    });
    expect(existsSync(path.join(dataDir, 'exports'))).toBe(false);
  });

  it('a name without .zip gets it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assistant-save-'));
    dirs.push(dir);
    const { call } = start({ savePath: path.join(dir, 'for-support') });
    const preview = value(await call<SupportBundlePreview>('previewSupportBundle'));
    const saved = value(await call<SaveSupportBundleResult>('saveSupportBundle', { previewId: preview.previewId }));
    expect(saved).toMatchObject({ saved: true, path: path.join(dir, 'for-support.zip') });
  });

  it('refuses unknown or expired previews, empty bundles and malformed input', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    const { call } = start({ now: () => now });
    const unknown = await call('saveSupportBundle', { previewId: 'doesnotexist' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'SUPPORT_PREVIEW_EXPIRED' } });
    const preview = value(await call<SupportBundlePreview>('previewSupportBundle'));
    const everything = preview.files.map((f) => f.name);
    expect(await call('saveSupportBundle', { previewId: preview.previewId, omit: everything })).toMatchObject({
      ok: false,
      error: { code: 'SUPPORT_BUNDLE_EMPTY' },
    });
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await call('saveSupportBundle', { previewId: preview.previewId })).toMatchObject({
      ok: false,
      error: { code: 'SUPPORT_PREVIEW_EXPIRED' },
    });
    expect(await call('saveSupportBundle', { previewId: preview.previewId, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(await call('saveSupportBundle', { previewId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(await call('setLogLevel', { level: 'trace' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(await call('reportRendererError', { message: 'x'.repeat(5000) })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
  });

  it('shows the log folder as it is on disk, even where a folder name looks like a secret', async () => {
    const { support, call } = start({ dirPrefix: 'token=Daten_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xYz-' });
    expect(value(await call<LogSettings>('getLogSettings')).directory).toBe(support.logger.dir);
  });

  it('the log level is applied at once and survives a restart', async () => {
    const first = start();
    expect(value(await first.call<LogSettings>('getLogSettings')).level).toBe('info');
    first.support.logger.debug('hidden at info');
    expect(value(await first.call<LogSettings>('setLogLevel', { level: 'debug' })).level).toBe('debug');
    first.support.logger.debug('visible at debug');
    const text = readFileSync(first.support.logger.file, 'utf8');
    expect(text).not.toContain('hidden at info');
    expect(text).toContain('visible at debug');
    // Same data dir, new services: the choice was kept.
    const again = createSupportServices({
      dataDir: first.dataDir,
      appInfo: () => ({ name: 'x', version: '0', runtime: 'browser-harness', platform: 'linux', versions: {} }),
      platform: { chooseSavePath: async () => null },
    });
    expect(again.logger.level()).toBe('debug');
    expect(again.logger.dir).toBe(logDirFor(first.dataDir));
  });

  it('renderer errors land in the log, redacted', async () => {
    const { call, support } = start();
    value(
      await call('reportRendererError', {
        message: `TypeError: boom password=${PASSWORD}`,
        componentStack: '\n    at StepBody\n    at App',
      }),
    );
    const text = readFileSync(support.logger.file, 'utf8');
    expect(text).toContain('[error] [renderer] TypeError: boom');
    expect(text).toContain('at StepBody');
    expect(text).not.toContain(PASSWORD);
  });

  it('the emergency bundle lands in <data dir>/support without asking', () => {
    const { support, dataDir, asked } = start();
    support.logger.error('something broke');
    const file = support.writeEmergencyBundle();
    expect(path.dirname(file)).toBe(path.join(dataDir, 'support'));
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(file))))).toContain('logs/main.log');
    expect(asked).toEqual([]);
  });
});
