import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createFileLogger } from '@core/log/file-logger';
import {
  bundleFileName,
  collectBundleFiles,
  MAX_EMERGENCY_BUNDLES,
  pruneBundles,
  zipBundle,
} from '@core/support/support-bundle';
import type { AppInfo } from '@shared/ipc/channels/app';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';

const PASSWORD = 'Canary-Pw-7Qz!9xK';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ';
const appInfo = (): AppInfo => ({
  name: 'Mailadapter Assistant',
  version: '1.2.3',
  runtime: 'browser-harness',
  platform: process.platform,
  versions: { node: process.versions.node },
});

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'assistant-bundle-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('support bundle contents', () => {
  it('holds versions, settings, recent reports and every log file — all redacted', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir, maxBytes: 600, keep: 2 });
    for (let i = 0; i < 40; i++) log.info(`entry ${i} ${'x'.repeat(40)}`);
    // A line written by an older version without today's rules must still be cleaned in the bundle.
    writeFileSync(log.file, `legacy line password=${PASSWORD}\n`, { flag: 'a' });
    const files = collectBundleFiles({
      appInfo,
      logFiles: () => log.files(),
      sources: {
        settings: () => ({ language: 'de', proxy: { password: PASSWORD } }),
        reports: () => ({
          p1: [{ recordedAt: '2026-01-01T00:00:00Z', report: { transcript: [`C: a1 AUTHENTICATE XOAUTH2 ${TOKEN}`] } }],
        }),
      },
      now: () => new Date('2026-11-24T10:00:00Z'),
    });
    expect(files.map((f) => f.name)).toEqual([
      'system.json',
      'settings.json',
      'reports.json',
      'logs/main.log',
      'logs/main.1.log',
      'logs/main.2.log',
    ]);
    const all = files.map((f) => f.content).join('\n');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(TOKEN);
    const system = JSON.parse(files[0]!.content) as {
      app: { version: string };
      os: { platform: string };
      createdAt: string;
    };
    expect(system).toMatchObject({
      app: { version: '1.2.3' },
      os: { platform: process.platform },
      createdAt: '2026-11-24T10:00:00.000Z',
    });
    expect(files[0]!.content).not.toContain(os.hostname());
    expect(files[0]!.content).not.toContain(os.userInfo().username + '"');
    for (const f of files) expect(f.bytes).toBe(Buffer.byteLength(f.content));
  });

  it('a source that fails is reported in the bundle instead of breaking it', () => {
    const files = collectBundleFiles({
      appInfo,
      logFiles: () => ['/does/not/exist.log'],
      sources: {
        settings: () => {
          throw new Error('store is locked');
        },
      },
    });
    expect(JSON.parse(files.find((f) => f.name === 'settings.json')!.content)).toEqual({
      unavailable: 'store is locked',
    });
    expect(JSON.parse(files.find((f) => f.name === 'reports.json')!.content)).toBeNull();
    expect(files.map((f) => f.name)).not.toContain('logs/exist.log');
  });

  it('the zip holds exactly the listed files, byte for byte', () => {
    const files = [
      { name: 'system.json', content: '{"a":1}\n', bytes: 8 },
      { name: 'logs/main.log', content: 'Grüße\n', bytes: Buffer.byteLength('Grüße\n') },
    ];
    const unzipped = unzipSync(zipBundle(files, new Date('2026-11-24T10:00:00Z')));
    expect(Object.keys(unzipped).sort()).toEqual(['logs/main.log', 'system.json']);
    expect(strFromU8(unzipped['logs/main.log']!)).toBe('Grüße\n');
  });

  it('emergency bundles are pruned to the newest few', () => {
    const dir = tempDir();
    const times = Array.from({ length: MAX_EMERGENCY_BUNDLES + 3 }, (_, i) => new Date(Date.UTC(2026, 0, 1, 0, i)));
    for (const t of times) writeFileSync(path.join(dir, bundleFileName(t)), 'x');
    writeFileSync(path.join(dir, 'unrelated.zip'), 'keep me');
    pruneBundles(dir, MAX_EMERGENCY_BUNDLES);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(MAX_EMERGENCY_BUNDLES + 1);
    expect(left).toContain('unrelated.zip');
    expect(left).toContain(bundleFileName(times.at(-1)!));
    expect(left).not.toContain(bundleFileName(times[0]!));
    expect(statSync(path.join(dir, 'unrelated.zip')).size).toBe(7);
    expect(readFileSync(path.join(dir, 'unrelated.zip'), 'utf8')).toBe('keep me');
  });
});
