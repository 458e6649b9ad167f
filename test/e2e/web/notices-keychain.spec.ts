/**
 * Keychain entries left behind by connections: a plain orphan is removed after a confirmation that lists it; an
 * entry whose connection sits in a moved-aside settings file is kept unticked, and taking that file's connections
 * over from the settings banner gives the entries back to them. In Chromium through the harness, on a real keychain.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, ProcessHarness, test, waitForShell } from '@test/fixtures/harness-page';
import { startKeyringSession } from '@test/fixtures/keyring-session';

import { DRAFT, expectNoSeriousViolations, SCREENS, shootStep } from './wizard-helpers';
import { de, en, lead } from './wizard-texts';

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
    await expect(banner).toContainText(de('notices:orphans.text', { count: 1 }));
    await shootStep(page, 'notices-orphans-de');
    await expectNoSeriousViolations(page, 'orphan banner (de)');
    // Removing asks first, with the list of what goes; nothing is deleted before the confirmation.
    await banner.getByRole('button', { name: de('notices:orphans.remove') }).click();
    const confirm = banner.getByTestId('orphan-confirm');
    await expect(confirm).toContainText(de('notices:orphans.confirmTitle'));
    const what = `${de('notices:orphans.kind.app-password')} ${lead('de', 'notices:orphans.ofDeleted', 'id')}`;
    const entry = confirm.getByRole('checkbox', { name: what });
    await expect(entry).toBeChecked();
    await expect(confirm.getByRole('paragraph').first()).toBeFocused();
    expect(await keyring.searchAccounts('mailadapter-assistant')).toEqual([`${profile.value.id}:app-password`]);
    await shootStep(page, 'notices-orphans-confirm-de');
    await expectNoSeriousViolations(page, 'orphan confirmation (de)');
    await confirm.getByRole('button', { name: de('notices:orphans.confirm', { count: 1 }) }).click();
    await expect(page.getByTestId('notice-message')).toHaveText(de('notices:orphans.removed', { count: 1 }));
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
    await expect(orphans).toContainText(de('notices:orphans.inBackupsAll', { count: 1 }));
    await orphans.getByRole('button', { name: de('notices:orphans.remove') }).click();
    const inBackups = orphans.getByTestId('orphan-in-backups');
    const owner = lead('de', 'notices:orphans.ofMovedAside', 'file', { name: 'Rechnungseingang Nord' });
    const entry = inBackups.getByRole('checkbox', {
      name: `${de('notices:orphans.kind.app-password')} ${owner} store.corrupt-`,
    });
    await expect(entry).not.toBeChecked();
    await expect(orphans.getByRole('button', { name: de('notices:orphans.confirm', { count: 0 }) })).toBeDisabled();
    await shootStep(page, 'notices-orphans-backup-de');
    await expectNoSeriousViolations(page, 'orphan confirmation with moved-aside entries (de)');
    await page.setViewportSize({ width: 900, height: 600 });
    await page.screenshot({ path: `${SCREENS}/notices-orphans-backup-de-900.png` });
    await page.getByLabel(de('common:header.language')).selectOption('en');
    await expect(inBackups).toContainText(en('notices:orphans.backupTitle'));
    await expect(orphans.getByRole('button', { name: en('notices:orphans.confirm', { count: 0 }) })).toBeDisabled();
    await page.screenshot({ path: `${SCREENS}/notices-orphans-backup-en-900.png` });
    await page.setViewportSize({ width: 1280, height: 860 });
    await shootStep(page, 'notices-orphans-backup-en');
    await expectNoSeriousViolations(page, 'orphan confirmation with moved-aside entries (en)');
    await page.getByLabel(en('common:header.language')).selectOption('de');
    await orphans.getByRole('button', { name: de('notices:orphans.cancel') }).click();
    await expect(orphans.getByRole('button', { name: de('notices:orphans.remove') })).toBeFocused();

    // Taking the connections over from the settings banner: per-entry report, same connection, password still there.
    const recovered = page.getByTestId('notice-store-recovered');
    await expect(recovered).toContainText(de('notices:recovered.reason.schema'));
    await recovered.getByRole('button', { name: de('notices:recovered.import') }).click();
    const report = recovered.getByTestId('import-report');
    await expect(report).toContainText(de('transfer:report.imported', { count: 2 }));
    await expect(recovered.getByTestId('import-accepted')).toContainText('Rechnungseingang Nord');
    await expect(recovered.getByTestId('import-accepted')).toContainText('Support Süd');
    await expect(recovered.getByTestId('import-rejected')).toContainText(
      de('transfer:report.entryNamed', { n: 2, name: 'Kaputter Port' }),
    );
    await expect(report).toContainText(de('transfer:report.secretsKept'));
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
    const languageLabel = new RegExp(`${de('common:header.language')}|${en('common:header.language')}`);
    for (const [width, height] of [
      [900, 600],
      [1280, 860],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.getByLabel(languageLabel).selectOption('en');
      await expect(report).toContainText(en('transfer:report.imported', { count: 2 }));
      await page.screenshot({ path: `${SCREENS}/notices-takeover-en-${width}.png` });
      await expectNoSeriousViolations(page, `take-over report (en, ${width})`);
      await page.getByLabel(languageLabel).selectOption('de');
      await page.screenshot({ path: `${SCREENS}/notices-takeover-de-${width}.png` });
    }
  } finally {
    await harness.close();
    await keyring.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
