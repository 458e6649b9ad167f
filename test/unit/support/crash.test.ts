import { createMemoryLogger } from '@core/log/logger';
import { type CrashDialog, createCrashHandler } from '@core/support/crash-handler';
import { createRendererCrashPolicy } from '@core/support/renderer-crash-policy';
import { describe, expect, it } from 'vitest';

const PASSWORD = 'Canary-Pw-7Qz!9xK';

function setup(overrides: Partial<Parameters<typeof createCrashHandler>[0]> = {}) {
  const log = createMemoryLogger();
  const dialogs: CrashDialog[] = [];
  let clock = 1_000_000;
  let bundles = 0;
  const handler = createCrashHandler({
    log,
    logDir: '/data/logs',
    writeBundle: () => `/data/support/bundle-${++bundles}.zip`,
    showDialog: (d) => dialogs.push(d),
    language: () => 'de',
    now: () => clock,
    ...overrides,
  });
  return { handler, log, dialogs, advance: (ms: number) => (clock += ms), bundleCount: () => bundles };
}

describe('main-process crash handler', () => {
  it('logs the error, writes a support bundle and shows its path in a German dialog', () => {
    const { handler, log, dialogs } = setup();
    const err = new Error('cannot read properties of undefined');
    const outcome = handler.handle('uncaughtException', err);
    expect(outcome).toEqual({ bundlePath: '/data/support/bundle-1.zip', dialogShown: true });
    expect(log.entries[0]).toMatchObject({ level: 'error', message: 'uncaughtException', details: [err] });
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]!.title).toBe('Unerwarteter Fehler');
    expect(dialogs[0]!.detail).toContain('/data/support/bundle-1.zip');
    expect(dialogs[0]!.detail).toContain('cannot read properties of undefined');
    expect(dialogs[0]!.bundlePath).toBe('/data/support/bundle-1.zip');
  });

  it('handles unhandled rejections of any value, in English when the app is in English', () => {
    const { handler, dialogs } = setup({ language: () => 'en' });
    handler.handle('unhandledRejection', { reason: 'socket hang up' });
    expect(dialogs[0]!.title).toBe('Unexpected error');
    expect(dialogs[0]!.detail).toContain('socket hang up');
    expect(dialogs[0]!.buttons).toEqual({ keepGoing: 'Carry on', quit: 'Quit', showFile: 'Show in folder' });
  });

  it('never shows a secret in the dialog', () => {
    const { handler, dialogs } = setup();
    handler.handle('uncaughtException', new Error(`LOGIN failed: a1 LOGIN admin ${PASSWORD} / password=${PASSWORD}`));
    expect(dialogs[0]!.detail).not.toContain(PASSWORD);
  });

  it('still shows a dialog, naming the log folder, when the bundle cannot be written', () => {
    const { handler, log, dialogs } = setup({
      writeBundle: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    });
    const outcome = handler.handle('uncaughtException', new Error('boom'));
    expect(outcome).toEqual({ dialogShown: true });
    expect(dialogs[0]!.detail).toContain('/data/logs');
    expect(dialogs[0]!.bundlePath).toBeUndefined();
    expect(log.entries.map((e) => e.message)).toContain('emergency support bundle failed');
  });

  it('does not bury the screen in dialogs or the disk in bundles when errors repeat', () => {
    const { handler, dialogs, advance, bundleCount } = setup({ minDialogIntervalMs: 60_000, maxBundles: 3 });
    for (let i = 0; i < 10; i++) handler.handle('unhandledRejection', new Error(`tick ${i}`));
    expect(dialogs).toHaveLength(1);
    expect(bundleCount()).toBe(3);
    advance(60_000);
    handler.handle('unhandledRejection', new Error('later'));
    expect(dialogs).toHaveLength(2);
  });

  it('never throws, even when logging and the dialog fail', () => {
    const broken = {
      error: () => {
        throw new Error('disk gone');
      },
      warn: () => {},
      info: () => {
        throw new Error('disk gone');
      },
      debug: () => {},
      child: () => broken,
    };
    const { handler } = setup({
      log: broken,
      showDialog: () => {
        throw new Error('no display');
      },
    });
    expect(() => handler.handle('uncaughtException', new Error('x'))).not.toThrow();
  });
});

describe('renderer crash policy', () => {
  it('reloads after a crash, ignores a clean exit, and gives up on a crash loop', () => {
    let t = 0;
    const policy = createRendererCrashPolicy({ maxReloads: 3, windowMs: 60_000, now: () => t });
    expect(policy.onGone('clean-exit')).toBe('ignore');
    expect(policy.onGone('crashed')).toBe('reload');
    t += 1_000;
    expect(policy.onGone('oom')).toBe('reload');
    t += 1_000;
    expect(policy.onGone('killed')).toBe('reload');
    t += 1_000;
    expect(policy.onGone('crashed')).toBe('give-up');
  });

  it('forgets crashes older than the window', () => {
    let t = 0;
    const policy = createRendererCrashPolicy({ maxReloads: 1, windowMs: 10_000, now: () => t });
    expect(policy.onGone('crashed')).toBe('reload');
    t += 10_001;
    expect(policy.onGone('crashed')).toBe('reload');
  });
});
