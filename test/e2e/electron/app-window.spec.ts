import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import { findElectronBinary, launchApp } from '@test/fixtures/electron-app';

const electron = findElectronBinary();
test.skip(!electron.path, `Electron specs skipped: ${electron.reason}`);

test.describe('the desktop app window', () => {
  test('starts with the hardened window baseline and the German shell', async () => {
    const app = await launchApp(electron.path!);
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('navigation', { name: 'Schritte' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/assistant\//);
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents;
        const p = (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
        return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      // The page has the typed bridge and nothing of Node.
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof window.assistant?.ping)).toBe('function');
      expect(await page.evaluate(() => 'invoke' in (window.assistant as object))).toBe(false);
    } finally {
      await app.close();
    }
  });

  test('refuses navigation away from the app and new windows', async () => {
    const app = await launchApp(electron.path!);
    try {
      const page = await app.firstWindow();
      await page.evaluate(() => {
        window.open('https://example.invalid/');
        location.href = 'https://example.invalid/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/assistant\//);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  test('a second instance does not open a second window', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'assistant-single-'));
    const app = await launchApp(electron.path!, userData);
    try {
      await app.firstWindow();
      const second = await launchApp(electron.path!, userData).catch(() => undefined);
      await second?.close().catch(() => {});
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
