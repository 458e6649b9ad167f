/**
 * At Exchange Online the wizard never leads an admin into weakening the tenant: Next from the network check lands on
 * the route choice with the recommended route preselected, the password route shows its cost before it is taken,
 * its Microsoft steps carry a note, and a refused password offers to undo what the route changed. After a test the
 * result comes into view with its heading focused, at 1280×860 and at 900×600.
 */
import type { Page } from '@playwright/test';
import { stepTitleKey } from '@shared/text/titles';
import { waitForShell } from '@test/fixtures/harness-page';

import { asPattern, axe, createConnection, expect, L, open, stepList, test } from './oauth-kit';
import { heading, shootStep, useLanguage } from './wizard-helpers';
import { type Lang, plain, textIn } from './wizard-texts';

const SIZES = [
  { width: 1280, height: 860 },
  { width: 900, height: 600 },
] as const;
const HOST = 'outlook.office365.com';

async function exchangeConnection(page: Page): Promise<void> {
  const created = await page.evaluate(
    (host) => window.assistant!.createProfile({ displayName: 'Exchange', mailboxUser: 'imap@contoso.example', host }),
    HOST,
  );
  expect(created.ok).toBe(true);
  await page.reload();
  await waitForShell(page);
}

for (const lang of ['de', 'en'] as const satisfies readonly Lang[]) {
  test(`${lang}: Next never leads into the password route at Exchange Online without a choice`, async ({
    page,
    app,
  }) => {
    const t = textIn(lang);
    await open(page, app);
    await exchangeConnection(page);
    const texts = await useLanguage(page, lang);
    await page.getByRole('navigation', { name: texts.stepsNav }).locator('[data-step=network]').click();
    await page.getByTestId('next-step').click();
    // Not "Sicherheitsstandards ausschalten": the route choice, with the recommended route preselected.
    await expect(heading(page)).toHaveText(t(stepTitleKey('modernAuth')));
    const choice = page.getByTestId('track-choice');
    await expect(choice.locator('[data-track=bridge] input')).toBeChecked();
    await expect(page.getByTestId('track-preselected')).toHaveText(t('oauth:track.preselected', { host: HOST }));
    await expect(page.getByTestId('next-step')).toHaveCount(0);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shootStep(page, `route-${lang}-${size.width}-choice-preselected`);
    }
    await axe(page, 'route choice, preselected');

    // The password route: its cost and its failure, before anything is taken.
    await choice.locator('[data-track=app-password] input').check();
    const warning = page.getByTestId('route-warning');
    await expect(warning).toContainText(t('oauth:track.warning.cost'));
    await expect(warning).toContainText(t('oauth:track.warning.fails'));
    await expect(page.getByTestId('track-switch')).toHaveAttribute('data-track', 'none');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shootStep(page, `route-${lang}-${size.width}-password-warning`);
    }
    await axe(page, 'route choice, password warning');
    await warning.getByRole('button', { name: t('oauth:track.warning.accept') }).click();
    await expect(page.getByTestId('track-switch')).toHaveAttribute('data-track', 'app-password');
    await page.getByTestId('next-step').click();
    await expect(heading(page)).toHaveText(t(stepTitleKey('securityDefaults')));

    // Steps 3–5 carry the note; step 3 names Microsoft's managed policies before anything is switched off.
    await expect(page.getByTestId('exchange-note')).toContainText(t('wizard:exchangeNote.text', { host: HOST }));
    await expect(page.getByTestId('managed-policies')).toHaveText(plain(t('wizard:securityDefaults.managedPolicies')));
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shootStep(page, `route-${lang}-${size.width}-security-defaults-note`);
    }
    await axe(page, 'security defaults with the Exchange note');
    const list = page.getByRole('navigation', { name: texts.stepsNav });
    for (const step of ['perUserMfa', 'appPassword'] as const) {
      await list.locator(`[data-step=${step}]`).click();
      await expect(page.getByTestId('exchange-note')).toBeVisible();
    }
    await list.locator('[data-step=test]').click();
    await expect(page.getByTestId('exchange-note')).toHaveCount(0);
  });
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: the refused password comes into view, focused, with the offer to undo`, async ({
    page,
    app,
    world,
  }) => {
    await page.setViewportSize(size);
    await open(page, app);
    await createConnection(page, 'Exchange Online', world.exchange.port);
    await page
      .getByTestId('profile-track-choice')
      .getByRole('radio', { name: asPattern(textIn('de')('oauth:track.appPassword.title')) })
      .check();
    await stepList(page).locator('[data-step=securityDefaults]').click();
    await page.getByTestId('done-bar').getByRole('button', { name: L.done, exact: true }).click();
    await expect(page.getByTestId('done-state')).toBeVisible();

    await stepList(page).locator('[data-step=test]').click();
    await page.getByLabel(L.password, { exact: true }).fill('abcdefghijklmnop');
    await page.getByTestId('test-form').getByRole('button', { name: L.runTest, exact: true }).click();
    const card = page.getByTestId('diagnosis-card');
    await expect(card).toHaveAttribute('data-code', 'AUTH_FAILED');
    const title = card.getByRole('heading', { level: 2 });
    await expect(title).toBeFocused();
    await expect(title).toBeInViewport();
    await expect(page.getByTestId('undo-security-defaults')).toBeVisible();
    await expect(page.getByTestId('undo-per-user-mfa')).toHaveCount(0);
    await shootStep(page, `route-de-${size.width}-test-refused-undo`);
    await axe(page, 'refused password with the undo offer');

    // Security defaults back on: the offer goes.
    await page
      .getByTestId('undo-security-defaults')
      .getByRole('button', { name: textIn('de')('oauth:undo.securityDefaultsDone') })
      .click();
    await expect(page.getByTestId('undo-offer')).toHaveCount(0);
  });
}
