/**
 * The wizard with the keyboard alone: every control is reached with Tab and operated with Enter, Space or Escape
 * — no mouse click anywhere. Focus moves to the step heading on every step change, the enlarge dialog keeps focus
 * inside and gives it back, and test progress is announced through a live region.
 */
import { stageNameKey } from '@shared/text/titles';
import { expect, wizardTest as test } from '@test/fixtures/harness-page';

import { heading, tabTo } from './wizard-helpers';
import { de, TEXT } from './wizard-texts';

test('keyboard only: from Start through profile, network, a Microsoft step and the connection test', async ({
  page,
  world,
}) => {
  const L = TEXT.de;
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: de('common:skipToContent') })).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: L.begin }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(L.stepTitle.profile);
  await expect(heading(page)).toBeFocused();

  // Profile form: type, open "Server (advanced)" with Enter, submit with Enter.
  await tabTo(page, page.getByLabel(L.name, { exact: true }));
  await page.keyboard.type('Tastatur');
  await tabTo(page, page.getByLabel(L.user, { exact: true }));
  await page.keyboard.type(world.user);
  await tabTo(page, page.getByText(L.server, { exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel(L.host, { exact: true }));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('127.0.0.1');
  await tabTo(page, page.getByLabel(L.port, { exact: true }));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(world.dovecot.imapsPort));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('profile-message')).toContainText(L.created);

  // Next step, and the network check started with Space.
  await tabTo(page, page.getByTestId('next-step'));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toBeFocused();
  await expect(heading(page)).toHaveText(L.stepTitle.network);
  await tabTo(page, page.getByRole('button', { name: L.checkNetwork, exact: true }));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('network-ok')).toBeVisible();

  // A Microsoft step: enlarge the illustration, focus stays in the dialog, Escape returns it to the button.
  await tabTo(page, page.getByTestId('next-step'));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(L.stepTitle.securityDefaults);
  const enlarge = page.getByRole('button', { name: L.enlarge });
  await tabTo(page, enlarge);
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('illustration-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: L.close })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(enlarge).toBeFocused();
  await tabTo(page, page.getByTestId('done-bar').getByRole('button', { name: L.done, exact: true }));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('done-state')).toBeVisible();

  // Jump through the step list to the test, type the password, submit with Enter; progress is announced.
  const toTest = page.getByRole('navigation', { name: L.stepsNav }).locator('[data-step=test]');
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, toTest);
  await page.keyboard.press('Enter');
  await expect(heading(page)).toBeFocused();
  await expect(heading(page)).toHaveText(L.stepTitle.test);
  await tabTo(page, page.getByLabel(L.password, { exact: true }));
  await page.keyboard.type(world.appPassword);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('test-success')).toContainText(L.success);
  await expect(page.getByTestId('stage-announcer')).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByTestId('stage-announcer')).toHaveText(
    de('wizard:test.announce', { stage: de(stageNameKey('mailbox')), state: de('probe:stageState.ok') }),
  );
});
