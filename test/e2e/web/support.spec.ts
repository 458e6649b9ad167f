import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { expect, test as base, waitForShell } from '@test/fixtures/harness-page';
import { buildRenderer } from '@test/unit/support/renderer-build';
import { strFromU8, unzipSync } from 'fflate';

import { de, en, lead } from './wizard-texts';

const CANARY = 'Canary-Pw-7Qz!9xK';

base.describe('About & support dialog', () => {
  // `npm run build` writes the licence list; a bare `vite build` (dev:web) empties out/renderer without it.
  base.beforeAll(() => {
    if (!existsSync('out/renderer/licenses.json'))
      spawnSync(process.execPath, ['--import', 'tsx', 'build/scripts/licenses.ts'], { stdio: 'inherit' });
  });

  base('shows versions and the licences of bundled packages; Esc closes it', async ({ app }) => {
    await app.getByRole('button', { name: de('support:about.open') }).click();
    const dialog = app.getByRole('dialog', { name: de('support:about.title') });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('about-versions')).toContainText('Node.js');
    await expect(dialog.getByTestId('about-versions')).toContainText(process.versions.node);
    await expect(dialog.getByTestId('about-versions')).toContainText(de('common:status.runtime.browser-harness'));
    const licenses = dialog.getByTestId('about-licenses');
    await expect(licenses).toContainText(/\d+ Pakete/);
    await expect(licenses.locator('li', { hasText: /^react 19/ })).toContainText('MIT');
    expect(await licenses.locator('li').count()).toBeGreaterThan(40);
    await app.screenshot({ path: 'test/artifacts/screens/about-de.png' });
    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(app.getByRole('button', { name: de('support:about.open') })).toBeFocused();
  });

  base(
    'lists every file of the support package, saves only the chosen ones, redacted',
    async ({ app, harness, dataDir }) => {
      harness.services.support.logger.info(`connecting with password=${CANARY}`);
      await app.getByRole('button', { name: de('support:about.open') }).click();
      const dialog = app.getByRole('dialog');
      await dialog.getByRole('button', { name: de('support:bundle.prepare') }).click();
      const preview = dialog.getByTestId('bundle-preview');
      for (const name of ['system.json', 'settings.json', 'reports.json', 'logs/main.log']) {
        await expect(preview.getByRole('checkbox', { name: de('support:bundle.include', { name }) })).toBeChecked();
      }
      await preview.locator('li', { hasText: 'logs/main.log' }).getByText(de('support:bundle.show')).click();
      const log = preview.getByTestId('bundle-content-logs/main.log');
      await expect(log).toContainText('connecting with password=[redacted]');
      await expect(log).not.toContainText(CANARY);

      await preview.getByRole('checkbox', { name: de('support:bundle.include', { name: 'reports.json' }) }).uncheck();
      await preview.getByRole('button', { name: de('support:bundle.save') }).click();
      await expect(dialog.getByTestId('bundle-result')).toContainText('Gespeichert unter:');
      const exportsDir = path.join(dataDir, 'exports');
      const [zipName] = readdirSync(exportsDir);
      expect(zipName).toMatch(/^mailadapter-assistant-support-.*\.zip$/);
      await expect(dialog.getByTestId('bundle-result')).toContainText(zipName!);
      await app.screenshot({ path: 'test/artifacts/screens/support-bundle-de.png' });
      const zipBytes = readFileSync(path.join(exportsDir, zipName!));
      const entries = unzipSync(new Uint8Array(zipBytes));
      expect(Object.keys(entries).sort()).toEqual(['logs/main.log', 'settings.json', 'system.json']);
      expect(strFromU8(entries['logs/main.log']!)).toContain('connecting with password=[redacted]');
      for (const e of Object.values(entries)) expect(strFromU8(e)).not.toContain(CANARY);
    },
  );

  base('the log level is saved and applies after a restart', async ({ app, harness }) => {
    await app.getByRole('button', { name: de('support:about.open') }).click();
    await app.getByTestId('log-level').selectOption('debug');
    await expect(app.getByTestId('log-level')).toHaveValue('debug');
    await harness.restart();
    await app.goto(harness.url);
    await waitForShell(app);
    await app.getByRole('button', { name: de('support:about.open') }).click();
    await expect(app.getByTestId('log-level')).toHaveValue('debug');
    await expect(app.getByRole('dialog')).toContainText(lead('de', 'support:logs.folder', 'path'));
  });
});

// The error boundary needs a component that throws; that hook exists only in a `--mode test-hooks` build.
const test = base.extend<object, { hookRenderer: string }>({
  hookRenderer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = buildRenderer('test-hooks');
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test.describe('error boundary', () => {
  test.use({ harnessOptions: async ({ hookRenderer }, use) => use({ rendererDir: hookRenderer }) });

  test('a render error shows a recoverable screen (de), is logged, and "try again" brings the app back', async ({
    app,
    dataDir,
  }) => {
    await app.getByTestId('test-hook-throw').click();
    const screen = app.getByRole('alert').filter({ hasText: de('support:crash.title') });
    await expect(screen).toBeVisible();
    await expect(screen).toContainText(de('support:crash.body'));
    await expect(app.getByRole('button', { name: de('support:crash.retry') })).toBeFocused();
    await app.screenshot({ path: 'test/artifacts/screens/error-boundary-de.png' });
    await expect
      .poll(() => readFileSync(path.join(dataDir, 'logs/main.log'), 'utf8'))
      .toMatch(/\[error\] \[renderer\] Error: Test error thrown by the error-boundary test hook/);
    await app.getByRole('button', { name: de('support:crash.retry') }).click();
    await waitForShell(app);
    await expect(app.getByTestId('error-screen')).toHaveCount(0);
    await expect(app.getByTestId('test-hook-throw')).toBeVisible();
  });

  test('in English, and "reload" recovers too, with the language kept', async ({ app }) => {
    await app.getByLabel(de('common:header.language')).selectOption('en');
    await expect(app.locator('html')).toHaveAttribute('lang', 'en');
    await app.getByTestId('test-hook-throw').click();
    await expect(app.getByRole('alert').filter({ hasText: en('support:crash.title') })).toBeVisible();
    await app.getByRole('button', { name: en('support:crash.reload') }).click();
    await waitForShell(app);
    await expect(app.locator('html')).toHaveAttribute('lang', 'en');
    await expect(app.getByTestId('error-screen')).toHaveCount(0);
  });
});
