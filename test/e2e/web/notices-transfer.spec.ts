/**
 * Start-up notices as banners (a corrupt settings file, keychain entries without a connection) and moving
 * connections between machines through the profile step's export and import, in Chromium through the harness.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';
import { expect, ProcessHarness, test, waitForShell } from '@test/fixtures/harness-page';
import { startKeyringSession } from '@test/fixtures/keyring-session';
import { startHarness } from '@test/harness/server';

import { expectNoSeriousViolations, SCREENS, shootStep } from './wizard-helpers';

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

const DRAFT = {
  displayName: 'Rechnungseingang Nord',
  mailboxUser: 'rechnungen@nord.example',
  host: '127.0.0.1',
  port: 9993,
} as const;

async function openProfileStep(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Schritte' }).locator('[data-step=profile]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verbindung anlegen');
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
    await expect(banner).toContainText('Die gespeicherten Einstellungen konnten nicht gelesen werden');
    await expect(banner).toContainText('beschädigt');
    await expect(banner.getByTestId('notice-backup-path')).toHaveText(path.join(dataDir, backup!));
    await shootStep(app, 'notices-recovered-de');

    // (d) axe with the banner on screen, in both languages and with the report of a refused import beside it.
    await expectNoSeriousViolations(app, 'recovered banner (de)');
    await app.getByLabel('Sprache').selectOption('en');
    await expect(banner).toContainText('Your saved settings could not be read');
    await expectNoSeriousViolations(app, 'recovered banner (en)');
    await app.screenshot({ path: `${SCREENS}/notices-recovered-en.png` });
    await app.getByLabel('Language').selectOption('de');

    // Keyboard: the close button is reachable and works with Enter.
    const close = banner.getByRole('button', {
      name: 'Hinweis „Die gespeicherten Einstellungen konnten nicht gelesen werden“ schließen',
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
    await expect(banner).toContainText('converted from format 1 to');
    await expect(banner.locator('code')).toHaveText(/\.json$/);
    await banner.getByRole('button', { name: 'Close the notice “Settings moved to the new version”' }).click();
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
  await app.getByRole('button', { name: 'Verbindungen exportieren …' }).click();
  const shownPath = (await app.getByTestId('export-path').textContent())!;
  expect(path.dirname(shownPath)).toBe(path.join(dataDir, 'exports'));
  expect(harness.observed.saveDialogs.at(-1)?.path).toBe(shownPath);
  await expect(app.getByTestId('export-result')).toContainText('Eine Verbindung wurde gespeichert unter');
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
    await expect(app.getByRole('button', { name: 'Verbindungen exportieren …' })).toBeDisabled();
    await importFile(app, exported);
    const report = app.getByTestId('import-report');
    await expect(report).toContainText('Eine Verbindung übernommen');
    await expect(app.getByTestId('import-accepted')).toContainText(DRAFT.displayName);
    await expect(report).toContainText('Tragen Sie das App-Kennwort auf diesem Rechner erneut ein');
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
  await expect(app.getByTestId('import-report')).toContainText('Nichts übernommen');
  await expect(app.getByTestId('import-file-problem')).toContainText('__proto__');
  await expect(app.getByTestId('import-report')).toContainText('unverändert');
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
  await expect(rejected).toContainText('Eintrag 1 („Kaputter Port“)');
  await expect(rejected).toContainText('Der Port muss eine ganze Zahl zwischen 1 und 65535 sein');
  await expect(rejected).toContainText('Eintrag 2 („Kein Postfach“)');
  await expect(rejected).toContainText('Der Postfach-Benutzer muss eine E-Mail-Adresse');
  await expect(rejected).toContainText('Der Server muss ein Rechnername');
  await expect(rejected).toContainText('Eintrag 3');
  await expect(app.getByTestId('import-report')).toContainText('Nichts übernommen');
  await shootStep(app, 'notices-import-rejected-de');
  await expectNoSeriousViolations(app, 'import report (de)');

  await importFile(app, 'das ist kein JSON', 'notiz.json');
  await expect(app.getByTestId('import-file-problem')).toHaveText('Die Datei ist keine lesbare JSON-Datei.');

  const listed = await app.evaluate(() => window.assistant!.listProfiles());
  expect(listed).toMatchObject({ ok: true, value: [{ displayName: DRAFT.displayName }] });
  expect(listed.ok && listed.value).toHaveLength(1);
  await expect(app.getByTestId('profile-list').locator('li')).toHaveCount(1);
});

test('keychain entries of a vanished connection show a banner; Remove clears them from the real keychain', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const keyring = await startKeyringSession('unlocked');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'assistant-orphans-'));
  const harness = await ProcessHarness.start({ dataDir, env: keyring.env });
  try {
    await page.goto(harness.url);
    await waitForShell(page);
    const profile = await page.evaluate((d) => window.assistant!.createProfile(d), DRAFT);
    if (!profile.ok) throw new Error(profile.error.message);
    const saved = await page.evaluate(
      (id) =>
        window.assistant!.saveSecret({
          profileId: id,
          kind: 'app-password',
          secret: 'orphan-canary-Ünïcødé',
          fallback: 'none',
        }),
      profile.value.id,
    );
    expect(saved).toMatchObject({ ok: true });
    // The settings vanish (another machine's copy, a user deleting the folder): the keychain entry stays behind.
    await harness.close();
    unlinkSync(path.join(dataDir, 'store.json'));
    await harness.restart();
    await page.goto(harness.url);
    await waitForShell(page);

    const banner = page.getByTestId('notice-orphan-secrets');
    await expect(banner).toHaveAttribute('role', 'status');
    await expect(banner).toContainText(
      'Ein gespeichertes Passwort bzw. eine Anmeldung im Schlüsselbund gehört zu einer Verbindung, die es nicht mehr gibt.',
    );
    await shootStep(page, 'notices-orphans-de');
    await expectNoSeriousViolations(page, 'orphan banner (de)');
    // Removing asks first, with the list of what goes; nothing is deleted before the confirmation.
    await banner.getByRole('button', { name: 'Aus dem Schlüsselbund entfernen …' }).click();
    const confirm = banner.getByTestId('orphan-confirm');
    await expect(confirm).toContainText('Welche Einträge sollen aus dem Schlüsselbund gelöscht werden?');
    const entry = confirm.getByRole('checkbox', { name: /App-Kennwort einer gelöschten Verbindung/ });
    await expect(entry).toBeChecked();
    await expect(confirm.getByRole('paragraph').first()).toBeFocused();
    expect(await keyring.searchAccounts('mailadapter-assistant')).toEqual([`${profile.value.id}:app-password`]);
    await shootStep(page, 'notices-orphans-confirm-de');
    await expectNoSeriousViolations(page, 'orphan confirmation (de)');
    await confirm.getByRole('button', { name: 'Einen Eintrag endgültig entfernen' }).click();
    await expect(page.getByTestId('notice-message')).toHaveText('Ein Eintrag wurde aus dem Schlüsselbund entfernt.');
    await expect(banner).toHaveCount(0);
    expect(await keyring.searchAccounts('mailadapter-assistant')).toEqual([]);
    expect(await page.evaluate(() => window.assistant!.listOrphanSecrets())).toEqual({ ok: true, value: [] });
    await page.reload();
    await waitForShell(page);
    await expect(page.getByTestId('notice-orphan-secrets')).toHaveCount(0);
  } finally {
    await harness.close();
    await keyring.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A settings file that one bad entry made unreadable as a whole; the other two connections are fine. */
function damagedSettings(ids: { good: string; other: string }): string {
  const at = '2026-11-01T08:00:00.000Z';
  const entry = (id: string, displayName: string, extra: Record<string, unknown> = {}) => ({
    id,
    displayName,
    tenantLabel: '',
    mailboxUser: `${id.slice(0, 8)}@nord.example`,
    host: '127.0.0.1',
    port: 9993,
    security: 'tls',
    createdAt: at,
    updatedAt: at,
    ...extra,
  });
  return JSON.stringify({
    schemaVersion: 3,
    profiles: [
      entry(ids.good, 'Rechnungseingang Nord'),
      entry('p-kaputt', 'Kaputter Port', { port: 'neunhundert' }),
      entry(ids.other, 'Support Süd'),
    ],
    progress: {},
    reports: {},
    settings: { language: 'de', windowState: null },
  });
}

test('a damaged settings file: its connections come back from the banner, with their keychain entries', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const keyring = await startKeyringSession('unlocked');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'assistant-takeover-'));
  const harness = await ProcessHarness.start({ dataDir, env: keyring.env });
  try {
    await page.goto(harness.url);
    await waitForShell(page);
    const made = await page.evaluate((d) => window.assistant!.createProfile(d), DRAFT);
    if (!made.ok) throw new Error(made.error.message);
    const id = made.value.id;
    const saved = await page.evaluate(
      (profileId) =>
        window.assistant!.saveSecret({
          profileId,
          kind: 'app-password',
          secret: 'takeover-canary-Ä1',
          fallback: 'none',
        }),
      id,
    );
    expect(saved).toMatchObject({ ok: true });
    await harness.close();
    writeFileSync(path.join(dataDir, 'store.json'), damagedSettings({ good: id, other: 'p-support-sued' }));
    await harness.restart();
    await page.goto(harness.url);
    await waitForShell(page);

    // The keychain entry is not treated as a plain orphan: the banner says whose it is, and Remove leaves it unticked.
    const orphans = page.getByTestId('notice-orphan-secrets');
    await expect(orphans).toContainText('Die Verbindung steht aber noch in einer beiseitegelegten Einstellungsdatei');
    await orphans.getByRole('button', { name: 'Aus dem Schlüsselbund entfernen …' }).click();
    const inBackups = orphans.getByTestId('orphan-in-backups');
    const entry = inBackups.getByRole('checkbox', {
      name: /App-Kennwort von „Rechnungseingang Nord“ in store\.corrupt-/,
    });
    await expect(entry).not.toBeChecked();
    await expect(orphans.getByRole('button', { name: 'Endgültig entfernen' })).toBeDisabled();
    await shootStep(page, 'notices-orphans-backup-de');
    await expectNoSeriousViolations(page, 'orphan confirmation with moved-aside entries (de)');
    await page.setViewportSize({ width: 900, height: 600 });
    await page.screenshot({ path: `${SCREENS}/notices-orphans-backup-de-900.png` });
    await page.getByLabel('Sprache').selectOption('en');
    await expect(inBackups).toContainText('Belong to connections in a settings file that was moved aside');
    await expect(orphans.getByRole('button', { name: 'Remove for good' })).toBeDisabled();
    await page.screenshot({ path: `${SCREENS}/notices-orphans-backup-en-900.png` });
    await page.setViewportSize({ width: 1280, height: 860 });
    await shootStep(page, 'notices-orphans-backup-en');
    await expectNoSeriousViolations(page, 'orphan confirmation with moved-aside entries (en)');
    await page.getByLabel('Language').selectOption('de');
    await orphans.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(orphans.getByRole('button', { name: 'Aus dem Schlüsselbund entfernen …' })).toBeFocused();

    // Taking the connections over from the settings banner: per-entry report, same connection, password still there.
    const recovered = page.getByTestId('notice-store-recovered');
    await expect(recovered).toContainText('Die Datei enthielt Werte, mit denen der Assistent nichts anfangen kann');
    await recovered.getByRole('button', { name: 'Verbindungen daraus übernehmen' }).click();
    const report = recovered.getByTestId('import-report');
    await expect(report).toContainText('2 Verbindungen übernommen');
    await expect(recovered.getByTestId('import-accepted')).toContainText('Rechnungseingang Nord');
    await expect(recovered.getByTestId('import-accepted')).toContainText('Support Süd');
    await expect(recovered.getByTestId('import-rejected')).toContainText('Eintrag 2 („Kaputter Port“)');
    await expect(report).toContainText('gehören wieder zu ihren Verbindungen');
    const listed = await page.evaluate(() => window.assistant!.listProfiles());
    expect(listed.ok && listed.value.map((p) => p.displayName)).toEqual(['Rechnungseingang Nord', 'Support Süd']);
    await expect(orphans).toHaveCount(0);
    const status = await page.evaluate(
      (profileId) => window.assistant!.secretStatus({ profileId, kind: 'app-password' }),
      id,
    );
    expect(status).toEqual({ ok: true, value: { saved: true, storage: 'keychain' } });
    expect(await keyring.lookup('mailadapter-assistant', `${id}:app-password`)).toBe('takeover-canary-Ä1');
    await shootStep(page, 'notices-takeover-de');
    await expectNoSeriousViolations(page, 'take-over report (de)');
    for (const [width, height] of [
      [900, 600],
      [1280, 860],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.getByLabel(/Sprache|Language/).selectOption('en');
      await expect(report).toContainText('2 connections imported');
      await page.screenshot({ path: `${SCREENS}/notices-takeover-en-${width}.png` });
      await expectNoSeriousViolations(page, `take-over report (en, ${width})`);
      await page.getByLabel(/Sprache|Language/).selectOption('de');
      await page.screenshot({ path: `${SCREENS}/notices-takeover-de-${width}.png` });
    }
  } finally {
    await harness.close();
    await keyring.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
