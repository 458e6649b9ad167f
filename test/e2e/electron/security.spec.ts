import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import { findElectronBinary, launchApp } from '@test/fixtures/electron-app';

// Runs against the unpackaged build (`npm run build` output): Playwright's _electron launcher drives the app
// through --inspect/--remote-debugging, which the packaged app's fuses switch off.
const electron = findElectronBinary();
test.skip(!electron.path, `Electron specs skipped: ${electron.reason}`);

test.describe('desktop app hardening', () => {
  test('a renderer crash reloads the window and nothing of the wizard state is lost', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'assistant-crash-'));
    const app = await launchApp(electron.path!, userData);
    try {
      const page = await app.firstWindow();
      await page.getByLabel('Sprache').selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer(),
      );
      // The same window reloads by itself and reads the settings back from main's store.
      await expect(async () => {
        const p = app.windows()[0]!;
        await expect(p.getByTestId('status-ready')).toHaveAttribute('data-ready', 'true', { timeout: 2_000 });
        await expect(p.locator('html')).toHaveAttribute('lang', 'en', { timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      expect(app.windows()).toHaveLength(1);
      expect(readFileSync(path.join(userData, 'logs/main.log'), 'utf8')).toMatch(
        /renderer process gone: crashed .*; reload/,
      );
    } finally {
      await app.close();
    }
  });

  test('permissions are denied in the default session and in sessions created later', async () => {
    const app = await launchApp(electron.path!);
    try {
      const page = await app.firstWindow();
      expect(await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)).toBe(
        'denied',
      );
      const later = await app.evaluate(async ({ BrowserWindow }) => {
        const win = new BrowserWindow({
          show: false,
          webPreferences: { partition: 'created-later', sandbox: true, contextIsolation: true },
        });
        await win.loadURL('about:blank');
        const state = await win.webContents.executeJavaScript(
          "navigator.permissions.query({ name: 'notifications' }).then((s) => s.state)",
        );
        win.destroy();
        return state as string;
      });
      expect(later).toBe('denied');
    } finally {
      await app.close();
    }
  });

  test('a WebContents nobody registered cannot navigate, and only the app page may call main', async () => {
    const app = await launchApp(electron.path!);
    try {
      await app.firstWindow();
      const preload = path.resolve('out/preload/index.cjs');
      const result = await app.evaluate(async ({ BrowserWindow }, preloadPath) => {
        const win = new BrowserWindow({
          show: false,
          webPreferences: { sandbox: true, contextIsolation: true, preload: preloadPath },
        });
        await win.loadURL('data:text/html,<p>other</p>');
        await win.webContents.executeJavaScript("location.href = 'https://example.invalid/'").catch(() => {});
        await new Promise((r) => setTimeout(r, 500));
        const url = win.webContents.getURL();
        const ipc = await win.webContents.executeJavaScript(
          "window.assistant ? window.assistant.ping({ text: 'x' }) : 'no bridge'",
        );
        win.destroy();
        return { url, ipc };
      }, preload);
      expect(result.url.startsWith('data:')).toBe(true);
      expect(result.ipc).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    } finally {
      await app.close();
    }
  });

  test('the app page is served with the strict CSP header', async () => {
    const app = await launchApp(electron.path!);
    try {
      const page = await app.firstWindow();
      const csp = await page.evaluate(async () => (await fetch('./index.html')).headers.get('content-security-policy'));
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
    } finally {
      await app.close();
    }
  });
});
