import { expect, test } from '@playwright/test';
import { translator } from '@shared/text/translator';
import { findElectronBinary } from '@test/fixtures/electron-app';

import { openPortalFromRenderer, portalWindows, withStubbedApp } from './portal-kit';

const de = translator('de').t;

const electron = findElectronBinary();
test.skip(!electron.path, `Electron specs skipped: ${electron.reason}`);

test.describe('portal sessions', () => {
  test('each identity gets its own in-memory partition, titled for it, without preload or Node', async () => {
    await withStubbedApp(electron.path!, 1, async (app, main) => {
      await openPortalFromRenderer(app, main, 'entraOverview', 'admin');
      await openPortalFromRenderer(app, main, 'securityInfo', 'mailbox');

      const windows = await portalWindows(app);
      expect(windows).toHaveLength(2);
      const admin = windows.find((w) => w.url.startsWith('https://entra.microsoft.com/'))!;
      const mailbox = windows.find((w) => w.url.startsWith('https://mysignins.microsoft.com/'))!;
      for (const w of [admin, mailbox]) {
        // In memory: not a persist: partition, nothing on disk.
        expect(w.persistent).toBe(false);
        expect(w.storagePath).toBeNull();
        expect(w.preload).toBeNull();
        expect(w).toMatchObject({ sandbox: true, nodeIntegration: false, contextIsolation: true });
      }
      // The page's own <title> does not replace the identity.
      expect(admin.title).toBe(de('desktop:portal.title.admin'));
      expect(mailbox.title).toBe(de('desktop:portal.title.mailbox'));

      // Separate sessions: a sign-in cookie of the admin is invisible to the mailbox window and the app window.
      const sharing = await app.evaluate(
        async ({ BrowserWindow, session }, ids) => {
          const a = BrowserWindow.fromId(ids[0])!.webContents.session;
          const m = BrowserWindow.fromId(ids[1])!.webContents.session;
          await a.cookies.set({
            url: 'https://login.microsoftonline.com',
            name: 'ESTSAUTH',
            value: 'admin-session',
            secure: true,
          });
          return {
            same: a === m,
            sameAsDefault: a === session.defaultSession || m === session.defaultSession,
            adminSees: (await a.cookies.get({ name: 'ESTSAUTH' })).length,
            mailboxSees: (await m.cookies.get({ name: 'ESTSAUTH' })).length,
            appSees: (await session.defaultSession.cookies.get({ name: 'ESTSAUTH' })).length,
          };
        },
        [admin.id, mailbox.id] as const,
      );
      expect(sharing).toEqual({ same: false, sameAsDefault: false, adminSees: 1, mailboxSees: 0, appSees: 0 });
    });
  });

  test('a second page for the same identity reuses its window; a reopened window starts signed out', async () => {
    await withStubbedApp(electron.path!, 1, async (app, main) => {
      const admin = await openPortalFromRenderer(app, main, 'entraOverview', 'admin');
      await main.evaluate(() => window.assistant!.openPortal({ linkId: 'perUserMfa', identity: 'admin' }));
      await expect.poll(() => admin.url()).toContain('account.activedirectory.windowsazure.com');
      expect(await portalWindows(app)).toHaveLength(1);

      await app.evaluate(async ({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows().find((x) => x.webContents.getURL().startsWith('https://'))!;
        await w.webContents.session.cookies.set({
          url: 'https://login.microsoftonline.com',
          name: 'ESTSAUTH',
          value: 'x',
          secure: true,
        });
        (globalThis as unknown as { __firstAdminSession: unknown }).__firstAdminSession = w.webContents.session;
        w.close();
      });
      await expect.poll(async () => (await portalWindows(app)).length).toBe(0);

      await openPortalFromRenderer(app, main, 'entraOverview', 'admin');
      const fresh = await app.evaluate(async ({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows().find((x) => x.webContents.getURL().startsWith('https://'))!;
        const ses = w.webContents.session;
        return {
          sameSession: ses === (globalThis as unknown as { __firstAdminSession: unknown }).__firstAdminSession,
          cookies: (await ses.cookies.get({ name: 'ESTSAUTH' })).length,
        };
      });
      expect(fresh).toEqual({ sameSession: false, cookies: 0 });
    });
  });

  test('permission requests from portal pages are denied', async () => {
    await withStubbedApp(electron.path!, 1, async (app, main) => {
      const portal = await openPortalFromRenderer(app, main, 'securityInfo', 'mailbox');
      const states = await portal.evaluate(async () => ({
        geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
        notifications: await Notification.requestPermission(),
      }));
      expect(states).toEqual({ geolocation: 'denied', notifications: 'denied' });
    });
  });
});
