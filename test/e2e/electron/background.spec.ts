/**
 * The desktop app's life around its bridges: the login item follows the stored choice (off by default) and the
 * tray appears once the admin chooses to keep running in the background. Needs an Electron binary.
 */
import { expect, test } from '@playwright/test';
import { findElectronBinary, launchApp } from '@test/fixtures/electron-app';

const electron = findElectronBinary();
test.skip(!electron.path, `Electron specs skipped: ${electron.reason}`);

test.describe('background and start with the computer', () => {
  test('the login item is off by default and follows setDesktopBehaviour', async () => {
    const app = await launchApp(electron.path!);
    try {
      const page = await app.firstWindow();
      const openAtLogin = () => app.evaluate(({ app: a }) => a.getLoginItemSettings().openAtLogin);
      expect(await openAtLogin()).toBe(false);
      await page.evaluate(() => window.assistant!.setDesktopBehaviour({ startWithComputer: true }));
      await expect.poll(openAtLogin).toBe(true);
      await page.evaluate(() => window.assistant!.setDesktopBehaviour({ startWithComputer: false }));
      await expect.poll(openAtLogin).toBe(false);
    } finally {
      await app.close();
    }
  });

  test('keep running in the background is stored; without a running bridge closing still quits', async () => {
    const app = await launchApp(electron.path!);
    try {
      const page = await app.firstWindow();
      const view = await page.evaluate(() => window.assistant!.setDesktopBehaviour({ keepRunningInBackground: true }));
      expect(view.ok && view.value.bridges.desktop.keepRunningInBackground).toBe(true);
      // No bridge runs, so closing still quits: the rule asks only while a bridge listens.
      const closed = app.waitForEvent('close');
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
      await closed;
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
