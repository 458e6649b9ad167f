/**
 * axe-core on every step of the wizard, in German and English, in the states a user sees them (empty form,
 * saved profile, successful test, diagnosis card with its details open, dialogs open) and in dark mode.
 * No serious or critical violation may remain.
 */
import { expect, wizardTest as test } from '@test/fixtures/harness-page';

import { createProfile, expectNoSeriousViolations, openStep, runTest, shootStep, useLanguage } from './wizard-helpers';
import { type Lang, STEPS, textIn, type WizardStep } from './wizard-texts';

/** Steps that look different before a profile exists (the Microsoft steps differ only in their Done bar). */
const WITHOUT_PROFILE: WizardStep[] = ['start', 'profile', 'network', 'securityDefaults', 'test', 'agorum'];
/** One step per kind of component, for the dark palette (colours are tokens, so every component kind counts). */
const DARK: WizardStep[] = ['start', 'profile', 'network', 'securityDefaults', 'test', 'agorum'];

for (const lang of ['de', 'en'] as Lang[]) {
  test(`axe (${lang}): every step, before and after a profile exists, success and failure, dialogs`, async ({
    page,
    world,
  }) => {
    const L = await useLanguage(page, lang);
    // Without a profile every step shows its "set up a connection first" state.
    for (const step of WITHOUT_PROFILE) {
      await openStep(page, L, step);
      await expectNoSeriousViolations(page, `${lang}/${step} without profile`);
    }
    await openStep(page, L, 'profile');
    await createProfile(page, L, world);
    await openStep(page, L, 'network');
    await page.getByRole('button', { name: L.checkNetwork, exact: true }).click();
    await expect(page.getByTestId('network-ok')).toBeVisible();
    await openStep(page, L, 'test');
    await page.getByLabel(L.password, { exact: true }).fill(world.appPassword);
    await runTest(page, L);
    await expect(page.getByTestId('test-success')).toBeVisible();
    for (const step of STEPS) {
      await openStep(page, L, step);
      await expectNoSeriousViolations(page, `${lang}/${step}`);
    }

    // The diagnosis card with its details unfolded.
    await openStep(page, L, 'test');
    await page.getByLabel(L.password, { exact: true }).fill('not-the-password');
    await runTest(page, L);
    await page.getByTestId('diagnosis-card').locator('summary').click();
    await expectNoSeriousViolations(page, `${lang}/test failed`);

    // Dialogs: an enlarged illustration, and the delete confirmation.
    await openStep(page, L, 'securityDefaults');
    await page.getByRole('button', { name: L.enlarge }).click();
    await expect(page.getByTestId('illustration-dialog')).toBeVisible();
    await expectNoSeriousViolations(page, `${lang}/illustration dialog`);
    await shootStep(page, `wizard-${lang}-3-enlarged`);
    await page.keyboard.press('Escape');
    await openStep(page, L, 'profile');
    await page
      .getByTestId('profile-list')
      .getByRole('button', { name: textIn(lang)('wizard:profile.delete') })
      .click();
    await expectNoSeriousViolations(page, `${lang}/delete dialog`);
  });
}

test('axe in dark mode, and the layout at 900×600 without sideways scrolling', async ({ page, world }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const L = await useLanguage(page, 'de');
  await openStep(page, L, 'profile');
  await createProfile(page, L, world);
  await openStep(page, L, 'test');
  await page.getByLabel(L.password, { exact: true }).fill('not-the-password');
  await runTest(page, L);
  for (const step of DARK) {
    await openStep(page, L, step);
    await expectNoSeriousViolations(page, `dark/${step}`);
  }
  await openStep(page, L, 'test');
  await shootStep(page, 'wizard-de-dark-test-failed');
  await openStep(page, L, 'securityDefaults');
  await shootStep(page, 'wizard-de-dark-security-defaults');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 900, height: 600 });
  for (const step of STEPS) {
    await openStep(page, L, step);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `sideways overflow on ${step}`).toBeLessThanOrEqual(0);
  }
  await openStep(page, L, 'test');
  await page.screenshot({ path: 'test/artifacts/screens/wizard-de-900x600-test.png', animations: 'disabled' });
  await openStep(page, L, 'perUserMfa');
  await page.screenshot({ path: 'test/artifacts/screens/wizard-de-900x600-per-user-mfa.png', animations: 'disabled' });

  await page.emulateMedia({ forcedColors: 'active' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStep(page, L, 'test');
  await shootStep(page, 'wizard-de-forced-colors-test');
});
