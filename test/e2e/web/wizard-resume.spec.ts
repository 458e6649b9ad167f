/**
 * The wizard remembers: after quitting and starting the app again (a new harness process on the same data and
 * keychain) it shows the same profile, the same step and the same confirmations — and several profiles can be
 * kept, switched, renamed and deleted.
 */
import type { Page } from '@playwright/test';
import { formatDuration } from '@shared/text/format';
import { expect, waitForShell, wizardTest as test } from '@test/fixtures/harness-page';

import {
  confirmDone,
  createProfile,
  filesContaining,
  heading,
  openStep,
  profileIds,
  useLanguage,
} from './wizard-helpers';
import { de, en, lead, STEPS, type Texts } from './wizard-texts';

/** Step id → status and its visible text, as the step list shows them. */
async function stepStatuses(page: Page, L: Texts): Promise<Record<string, string>> {
  const list = page.getByRole('navigation', { name: L.stepsNav });
  const out: Record<string, string> = {};
  for (const step of STEPS) {
    const item = list.locator(`[data-step=${step}]`);
    out[step] = `${await item.getAttribute('data-status')} ${await item.innerText()}`;
  }
  return out;
}

test('restart: same profile, same step, same confirmations, password still in the keychain', async ({
  page,
  wizard,
  world,
  dataDir,
}) => {
  const L = await useLanguage(page, 'de');
  await openStep(page, L, 'profile');
  await createProfile(page, L, world, { name: 'Erste' });
  await page.getByRole('button', { name: de('wizard:profile.add') }).click();
  await createProfile(page, L, world, { name: 'Zweite' });
  await openStep(page, L, 'securityDefaults');
  await confirmDone(page, L);
  await openStep(page, L, 'perUserMfa');
  await confirmDone(page, L);
  await openStep(page, L, 'test');
  await page.getByLabel(L.password, { exact: true }).fill(world.appPassword);
  await page.getByRole('button', { name: L.runTest, exact: true }).last().click();
  await expect(page.getByTestId('test-success')).toContainText(L.success);
  await openStep(page, L, 'appPassword');
  const before = await stepStatuses(page, L);
  const selected = await page.getByTestId('profile-select').inputValue();

  await wizard.restart();
  await page.goto(wizard.url);
  await waitForShell(page);

  await expect(page.getByTestId('profile-select').locator('option:checked')).toHaveText('Zweite');
  expect(await page.getByTestId('profile-select').inputValue()).toBe(selected);
  await expect(heading(page)).toHaveText(L.stepTitle.appPassword);
  expect(await stepStatuses(page, L)).toEqual(before);
  await openStep(page, L, 'test');
  await expect(page.getByTestId('secret-state')).toHaveText(L.savedKeychain);
  expect(await filesContaining(dataDir, world.appPassword)).toEqual([]);

  // The other profile kept its own, separate progress.
  await page.getByTestId('profile-select').selectOption({ label: 'Erste' });
  await expect(
    page.getByRole('navigation', { name: L.stepsNav }).locator('[data-step=securityDefaults]'),
  ).toHaveAttribute('data-status', 'open');
});

test('profiles: create several, switch, rename and delete (with confirmation)', async ({ page, world }) => {
  const L = await useLanguage(page, 'en');
  await openStep(page, L, 'profile');
  await createProfile(page, L, world, { name: 'Invoices' });
  await page.getByRole('button', { name: en('wizard:profile.add') }).click();
  await createProfile(page, L, world, { name: 'Scans' });
  const list = page.getByTestId('profile-list');
  await expect(list.locator('li')).toHaveCount(2);
  await expect(list.locator('.profile-item-active')).toContainText('Scans');

  await list
    .locator('li', { hasText: 'Invoices' })
    .getByRole('button', { name: en('wizard:profile.switch') })
    .click();
  await expect(page.getByTestId('profile-select').locator('option:checked')).toHaveText('Invoices');

  await list
    .locator('li', { hasText: 'Scans' })
    .getByRole('button', { name: en('wizard:profile.rename') })
    .click();
  const rename = page.getByLabel(en('wizard:profile.renameLabel', { name: 'Scans' }));
  await expect(rename).toBeFocused();
  await rename.fill('Scanned post');
  await page.keyboard.press('Enter');
  await expect(list).toContainText('Scanned post');
  await expect(page.getByTestId('profile-select').locator('option', { hasText: 'Scanned post' })).toHaveCount(1);

  await list
    .locator('li', { hasText: 'Scanned post' })
    .getByRole('button', { name: en('wizard:profile.delete') })
    .click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(list.locator('li')).toHaveCount(2);
  await list
    .locator('li', { hasText: 'Scanned post' })
    .getByRole('button', { name: en('wizard:profile.delete') })
    .click();
  await dialog.getByRole('button', { name: en('wizard:profile.deleteConfirm') }).click();
  await expect(list.locator('li')).toHaveCount(1);
  expect((await profileIds(page)).length).toBe(1);
});

test('after a restart: the last result is shown and the saved app password is used without typing', async ({
  page,
  wizard,
  world,
}) => {
  const L = await useLanguage(page, 'de');
  await openStep(page, L, 'profile');
  await createProfile(page, L, world);
  await openStep(page, L, 'test');
  await page.getByLabel(L.password, { exact: true }).fill(world.appPassword);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('test-success')).toContainText(L.success);
  await wizard.restart();
  await page.goto(wizard.url);
  await waitForShell(page);
  await expect(page.getByTestId('secret-state')).toHaveText(L.savedKeychain);
  // The result of the last test comes back from the store's report history.
  await expect(page.getByTestId('test-success')).toContainText(L.success);
  await expect(page.getByLabel(L.password, { exact: true })).toHaveValue('');
  await page.getByTestId('test-form').getByRole('button', { name: L.runTest, exact: true }).click();
  await expect(page.getByTestId('test-stages').locator('[data-status=ok]')).toHaveCount(7);
  await expect(page.getByTestId('test-success')).toContainText(L.inbox);
});

test('automatic retest after a refused sign-in: opt in, countdown, stop', async ({ page, world }) => {
  const L = await useLanguage(page, 'de');
  await openStep(page, L, 'profile');
  await createProfile(page, L, world);
  await openStep(page, L, 'test');
  await page.getByLabel(L.password, { exact: true }).fill('not-the-password');
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('retest-panel');
  await panel.getByRole('button', { name: de('wizard:retest.start') }).click();
  // The first automatic attempt waits 15 minutes: far from Smart Lockout's limit.
  await expect(panel.getByTestId('retest-next')).toContainText(
    new RegExp(
      `${lead('de', 'wizard:retest.next', 'in')} (${[14, 15].map((m) => formatDuration(m * 60_000, 'de')).join('|')})`,
    ),
  );
  await panel.getByRole('button', { name: de('wizard:retest.cancel') }).click();
  await expect(panel.getByTestId('retest-ended')).toHaveText(de('wizard:retest.ended.cancelled'));
});
