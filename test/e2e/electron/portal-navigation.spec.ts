import { expect, test } from '@playwright/test';
import { translator } from '@shared/text/translator';
import { findElectronBinary } from '@test/fixtures/electron-app';

import { openPortalFromRenderer, portalRecord, portalWindows, withStubbedApp } from './portal-kit';

const de = translator('de').t;

const electron = findElectronBinary();
test.skip(!electron.path, `Electron specs skipped: ${electron.reason}`);

test.describe('portal navigation policy', () => {
  test('navigation to a non-Microsoft host is blocked and offered to the system browser only after confirmation', async () => {
    await withStubbedApp(electron.path!, 1, async (app, main) => {
      const portal = await openPortalFromRenderer(app, main, 'entraOverview', 'admin');
      const start = portal.url();

      await portal.evaluate(() => {
        location.href = 'https://phish.example/login';
      });
      await expect.poll(async () => (await portalRecord(app)).prompts.length).toBe(1);
      expect(portal.url()).toBe(start);
      const record = await portalRecord(app);
      expect(record.prompts[0]).toContain('phish.example');
      // The user cancelled: nothing went to the system browser.
      expect(record.external).toEqual([]);

      // Non-https targets are not even offered.
      await portal.evaluate(() => {
        location.href = 'http://login.microsoftonline.com/';
      });
      await portal.waitForTimeout(500);
      expect(portal.url()).toBe(start);
      expect((await portalRecord(app)).prompts).toHaveLength(1);

      // Microsoft sign-in is allowed.
      await portal.evaluate(() => {
        location.href = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize';
      });
      await expect.poll(() => portal.url()).toContain('login.microsoftonline.com');
    });
  });

  test('a confirmed foreign link opens in the system browser, not in the portal window', async () => {
    await withStubbedApp(electron.path!, 0, async (app, main) => {
      const portal = await openPortalFromRenderer(app, main, 'securityInfo', 'mailbox');
      await portal.evaluate(() => {
        location.href = 'https://learn.microsoft.com/entra/identity/';
      });
      await expect
        .poll(async () => (await portalRecord(app)).external)
        .toEqual(['https://learn.microsoft.com/entra/identity/']);
      expect(portal.url()).toContain('mysignins.microsoft.com');
    });
  });

  test('popups: Microsoft sign-in stays in the same partition, foreign ones are denied; foreign frames do not load', async () => {
    await withStubbedApp(electron.path!, 1, async (app, main) => {
      const portal = await openPortalFromRenderer(app, main, 'entraOverview', 'admin');

      await portal.evaluate(() => void window.open('https://evil.example/popup'));
      await expect.poll(async () => (await portalRecord(app)).prompts.length).toBe(1);
      expect(await portalWindows(app)).toHaveLength(1);

      const [popup] = await Promise.all([
        app.waitForEvent('window'),
        portal.evaluate(() => void window.open('https://login.microsoftonline.com/common/reprocess')),
      ]);
      await popup.waitForLoadState('domcontentloaded');
      const shared = await app.evaluate(({ BrowserWindow }) => {
        const portals = BrowserWindow.getAllWindows().filter((w) => w.webContents.getURL().startsWith('https://'));
        return {
          count: portals.length,
          sameSession: portals[0]!.webContents.session === portals[1]!.webContents.session,
          titles: portals.map((w) => w.getTitle()),
        };
      });
      expect(shared).toEqual({
        count: 2,
        sameSession: true,
        titles: [de('desktop:portal.title.admin'), de('desktop:portal.title.admin')],
      });

      await portal.evaluate(() => {
        const f = document.createElement('iframe');
        f.src = 'https://tracker.example/frame';
        document.body.append(f);
      });
      await portal.waitForTimeout(500);
      expect(
        portal
          .frames()
          .map((f) => f.url())
          .filter((u) => u.includes('tracker.example')),
      ).toEqual([]);
    });
  });
});
