/**
 * Start-up notices as banners (a corrupt settings file, an upgraded one) and moving connections between machines
 * through the profile step's export and import, in Chromium through the harness. Keychain notices:
 * notices-keychain.spec.ts.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';
import { stepTitleKey } from '@shared/text/titles';
import { expect, test, waitForShell } from '@test/fixtures/harness-page';
import { startHarness } from '@test/harness/server';

import { DRAFT, expectNoSeriousViolations, SCREENS, shootStep } from './wizard-helpers';
import { de, en, lead } from './wizard-texts';

const corruptStore = test.extend({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assistant-notices-'));
    // A settings file cut off mid-write, before the app ever starts.
    writeFileSync(path.join(dir, 'store.json'), '{"version": 3, "profiles": [{"id": "abc", "displayNa');
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

const oldStore = test.extend({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assistant-notices-'));
    copyFileSync(new URL('../../fixtures/store/v1.json', import.meta.url), path.join(dir, 'store.json'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

async function openProfileStep(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: de('common:steps.navLabel') })
    .locator('[data-step=profile]')
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(de(stepTitleKey('profile')));
}

/** Feeds contents to the import's file input the way the file picker would. */
async function importFile(page: Page, contents: string | Buffer, name = 'verbindungen.json'): Promise<void> {
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
  await expect(page.getByTestId('import-report')).toBeVisible();
}

corruptStore(
  'a corrupt settings file shows a banner with the backup path; dismissed, it stays gone',
  async ({ app, dataDir }) => {
    const backup = readdirSync(dataDir).find((f) => /corrupt-.*\.json$/.test(f));
    expect(backup, 'the broken file was moved aside').toBeTruthy();
    const banner = app.getByTestId('notice-store-recovered');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText(de('notices:store-recovered.title'));
    await expect(banner).toContainText(de('notices:recovered.reason.not-json'));
    await expect(banner.getByTestId('notice-backup-path')).toHaveText(path.join(dataDir, backup!));
    await shootStep(app, 'notices-recovered-de');

    // (d) axe with the banner on screen, in both languages and with the report of a refused import beside it.
    await expectNoSeriousViolations(app, 'recovered banner (de)');
    await app.getByLabel(de('common:header.language')).selectOption('en');
    await expect(banner).toContainText(en('notices:store-recovered.title'));
    await expectNoSeriousViolations(app, 'recovered banner (en)');
    await app.screenshot({ path: `${SCREENS}/notices-recovered-en.png` });
    await app.getByLabel(en('common:header.language')).selectOption('de');

    // Keyboard: the close button is reachable and works with Enter.
    const close = banner.getByRole('button', {
      name: de('notices:dismissLabel', { title: de('notices:store-recovered.title') }),
    });
    await close.focus();
    await app.keyboard.press('Enter');
    await expect(banner).toHaveCount(0);
    await app.reload();
    await waitForShell(app);
    await expect(app.locator('.shell')).toHaveAttribute('data-ready', 'true');
    await expect(app.getByTestId('notice-store-recovered')).toHaveCount(0);
    // The app started clean and works: a connection can be created.
    const created = await app.evaluate((d) => window.assistant!.createProfile(d), DRAFT);
    expect(created.ok).toBe(true);
  },
);

oldStore(
  'a settings file from an older version brings a short, dismissible note with the copy of the old state',
  async ({ app }) => {
    const banner = app.getByTestId('notice-store-migrated');
    await expect(banner).toHaveAttribute('role', 'status');
    // The v1 fixture saved English as the language, and the upgrade kept it.
    await expect(banner).toContainText(lead('en', 'notices:migrated.text', 'to', { from: 1 }));
    await expect(banner.locator('code')).toHaveText(/\.json$/);
    await banner
      .getByRole('button', { name: en('notices:dismissLabel', { title: en('notices:store-migrated.title') }) })
      .click();
    await expect(banner).toHaveCount(0);
    await app.reload();
    await waitForShell(app);
    await expect(app.getByTestId('notice-store-migrated')).toHaveCount(0);
  },
);

test('export, then import on a second data dir, carries a connection over (without secrets)', async ({
  app,
  harness,
  dataDir,
}) => {
  const created = await app.evaluate((d) => window.assistant!.createProfile(d), DRAFT);
  expect(created.ok).toBe(true);
  await app.reload();
  await waitForShell(app);
  await openProfileStep(app);
  await app.getByRole('button', { name: de('transfer:export.button') }).click();
  const shownPath = (await app.getByTestId('export-path').textContent())!;
  expect(path.dirname(shownPath)).toBe(path.join(dataDir, 'exports'));
  expect(harness.observed.saveDialogs.at(-1)?.path).toBe(shownPath);
  await expect(app.getByTestId('export-result')).toContainText(de('transfer:export.saved', { count: 1 }));
  await shootStep(app, 'notices-export-de');
  const exported = readFileSync(shownPath, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({
    format: 'mailadapter-assistant/profiles',
    profiles: [{ displayName: DRAFT.displayName }],
  });

  const otherDir = mkdtempSync(path.join(os.tmpdir(), 'assistant-e2e-target-'));
  const target = await startHarness({ dataDir: otherDir });
  try {
    await app.goto(target.url);
    await waitForShell(app);
    await openProfileStep(app);
    await expect(app.getByRole('button', { name: de('transfer:export.button') })).toBeDisabled();
    await importFile(app, exported);
    const report = app.getByTestId('import-report');
    await expect(report).toContainText(de('transfer:report.imported', { count: 1 }));
    await expect(app.getByTestId('import-accepted')).toContainText(DRAFT.displayName);
    await expect(report).toContainText(de('transfer:report.secretsAgain'));
    // The wizard reloaded its list and took the imported connection as the active one.
    await expect(app.getByTestId('profile-list')).toContainText(DRAFT.displayName);
    await expect(app.getByTestId('profile-list')).toContainText(`${DRAFT.mailboxUser} · ${DRAFT.host}:${DRAFT.port}`);
    await shootStep(app, 'notices-import-de');
    const listed = await app.evaluate(() => window.assistant!.listProfiles());
    expect(listed).toMatchObject({
      ok: true,
      value: [{ displayName: DRAFT.displayName, host: DRAFT.host, port: DRAFT.port }],
    });
  } finally {
    await target.close();
    rmSync(otherDir, { recursive: true, force: true });
  }
});

test('a hostile or malformed import file is refused with a readable report and adds nothing', async ({ app }) => {
  const created = await app.evaluate((d) => window.assistant!.createProfile(d), DRAFT);
  expect(created.ok).toBe(true);
  await app.reload();
  await waitForShell(app);
  await openProfileStep(app);

  // Prototype pollution: the whole file is refused.
  await importFile(
    app,
    '{"format":"mailadapter-assistant/profiles","version":2,"exportedAt":"2026-11-01T00:00:00Z","profiles":[],"__proto__":{"polluted":true}}',
  );
  await expect(app.getByTestId('import-report')).toContainText(de('transfer:report.nothing'));
  await expect(app.getByTestId('import-file-problem')).toContainText('__proto__');
  await expect(app.getByTestId('import-report')).toContainText(de('transfer:report.unchanged'));
  expect(await app.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();

  // Wrong types: each entry's reasons in words, per field.
  const wrongTypes = {
    format: 'mailadapter-assistant/profiles',
    version: 2,
    exportedAt: '2026-11-01T00:00:00Z',
    profiles: [
      {
        id: 'p-1',
        displayName: 'Kaputter Port',
        mailboxUser: 'a@b.example',
        host: 'outlook.office365.com',
        port: 'neunhundert',
        security: 'tls',
        tenantLabel: '',
        createdAt: '2026-11-01T00:00:00Z',
        updatedAt: '2026-11-01T00:00:00Z',
      },
      {
        id: 'p-2',
        displayName: 'Kein Postfach',
        mailboxUser: 'keine-adresse',
        host: 'https://x/y',
        port: 993,
        security: 'tls',
        tenantLabel: '',
        createdAt: '2026-11-01T00:00:00Z',
        updatedAt: '2026-11-01T00:00:00Z',
      },
      42,
    ],
  };
  await importFile(app, JSON.stringify(wrongTypes), 'falsch.json');
  const rejected = app.getByTestId('import-rejected');
  await expect(rejected).toContainText(de('transfer:report.entryNamed', { n: 1, name: 'Kaputter Port' }));
  await expect(rejected).toContainText(de('errors:field.port.invalid'));
  await expect(rejected).toContainText(de('transfer:report.entryNamed', { n: 2, name: 'Kein Postfach' }));
  await expect(rejected).toContainText(de('errors:field.mailboxUser.notEmail'));
  await expect(rejected).toContainText(de('errors:field.host.invalid'));
  await expect(rejected).toContainText(de('transfer:report.entry', { n: 3 }));
  await expect(app.getByTestId('import-report')).toContainText(de('transfer:report.nothing'));
  await shootStep(app, 'notices-import-rejected-de');
  await expectNoSeriousViolations(app, 'import report (de)');

  await importFile(app, 'das ist kein JSON', 'notiz.json');
  await expect(app.getByTestId('import-file-problem')).toHaveText(de('transfer:fileProblem.not-json'));

  const listed = await app.evaluate(() => window.assistant!.listProfiles());
  expect(listed).toMatchObject({ ok: true, value: [{ displayName: DRAFT.displayName }] });
  expect(listed.ok && listed.value).toHaveLength(1);
  await expect(app.getByTestId('profile-list').locator('li')).toHaveCount(1);
});
