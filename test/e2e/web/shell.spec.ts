import { readFileSync } from 'node:fs';

import { expect, test, waitForShell } from '@test/fixtures/harness-page';

import { de, en } from './wizard-texts';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

test.describe('app shell in Chromium through the harness', () => {
  test('renders in German by default with the step list and a live contract round-trip', async ({ app }) => {
    await expect(app.locator('html')).toHaveAttribute('lang', 'de');
    await expect(app.getByRole('navigation', { name: de('common:steps.navLabel') })).toBeVisible();
    await expect(app.getByRole('button', { name: de('wizard:steps.test.title') })).toBeVisible();
    // The status line text comes from getAppInfo, answered by the main-process services.
    const runtime = de('common:status.runtime.browser-harness');
    await expect(app.getByTestId('status-ready')).toContainText(
      de('common:status.connected', { runtime, version: pkg.version }),
    );
    const ping = await app.evaluate(() => window.assistant!.ping({ text: 'Grüße' }));
    expect(ping).toMatchObject({ ok: true, value: { text: 'Grüße' } });
    await app.screenshot({ path: 'test/artifacts/screens/shell-de.png' });
  });

  test('language switch to English applies at once and survives a reload and a restart', async ({ app, harness }) => {
    await app.getByLabel(de('common:header.language')).selectOption('en');
    await expect(app.locator('html')).toHaveAttribute('lang', 'en');
    await expect(app.getByRole('navigation', { name: en('common:steps.navLabel') })).toBeVisible();
    await app.reload();
    await waitForShell(app);
    await expect(app.getByLabel(en('common:header.language'))).toHaveValue('en');
    await harness.restart();
    await app.goto(harness.url);
    await waitForShell(app);
    await expect(app.getByRole('navigation', { name: en('common:steps.navLabel') })).toBeVisible();
    await app.screenshot({ path: 'test/artifacts/screens/shell-en.png' });
  });

  test('the step list is keyboard-operable and moves focus to the step heading', async ({ app }) => {
    await app.getByRole('button', { name: de('wizard:steps.network.title') }).focus();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { level: 1 })).toHaveText(de('wizard:steps.network.title'));
    await expect(app.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('invalid input is refused visibly and the app keeps serving', async ({ app }) => {
    const bad = await app.evaluate(() =>
      (window.assistant!.setLanguage as (i: unknown) => Promise<unknown>)({ language: 'fr' }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    // A tampered page offers a language main does not know: main's schema refuses it, the status line says so,
    // and nothing changes.
    await app.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid=language-select]')!;
      select.add(new Option('Français', 'fr'));
    });
    await app.getByLabel(de('common:header.language')).selectOption('fr');
    await expect(app.getByTestId('status-error')).toContainText('INPUT_INVALID');
    await expect(app.locator('html')).toHaveAttribute('lang', 'de');
    expect(await app.evaluate(() => window.assistant!.getSettings())).toMatchObject({
      ok: true,
      value: { language: 'de' },
    });
    await app.getByLabel(de('common:header.language')).selectOption('en');
    await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('requests without the token, from another origin or to an unknown channel are refused', async ({
    harness,
    request,
  }) => {
    const base = `http://127.0.0.1:${harness.port}`;
    const noToken = await request.post(`${base}/ipc/ping`, { data: { input: { text: 'x' }, hasInput: true } });
    expect(noToken.status()).toBe(401);
    const foreign = await request.post(`${base}/ipc/ping`, {
      headers: { 'X-Assistant-Token': harness.token, Origin: 'http://evil.example' },
      data: { input: { text: 'x' }, hasInput: true },
    });
    expect(foreign.status()).toBe(403);
    const unknown = await request.post(`${base}/ipc/readSecret`, {
      headers: { 'X-Assistant-Token': harness.token },
      data: { input: {}, hasInput: true },
    });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const malformed = await request.post(`${base}/ipc/ping`, {
      headers: { 'X-Assistant-Token': harness.token, 'Content-Type': 'application/json' },
      data: Buffer.from('{"input": {'),
    });
    expect(malformed.status()).toBe(400);
    const stillAlive = await request.post(`${base}/ipc/ping`, {
      headers: { 'X-Assistant-Token': harness.token },
      data: { input: { text: 'still here' }, hasInput: true },
    });
    expect(await stillAlive.json()).toMatchObject({ ok: true, value: { text: 'still here' } });
  });
});
