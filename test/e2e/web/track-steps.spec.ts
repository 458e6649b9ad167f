/**
 * The step list follows the connection's route, in German and English, with the keyboard alone: choosing modern
 * authentication swaps the app-password steps for the modern-auth ones (a labelled group), "Step n of N" counts
 * the route's own steps, Next/Back walk them in order, the route box under the list leads to the route page, and
 * switching back restores the documented procedure. axe finds no serious or critical violation on the way, in
 * light and dark, and nothing scrolls sideways at 900×600.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { stepTitleKey, trackTitleKey } from '@shared/text/titles';
import type { WizardStepId } from '@shared/wizard/steps';
import { expect, wizardTest as test } from '@test/fixtures/harness-page';

import { createProfile, heading, openStep, SCREENS, tabTo, useLanguage } from './wizard-helpers';
import { type Lang, textIn } from './wizard-texts';

const APP_PASSWORD_ONLY = ['securityDefaults', 'perUserMfa', 'appPassword', 'test', 'agorum', 'morePasswords'];
type Id = WizardStepId;
const OAUTH_STEPS: Id[] = ['network', 'oauthRegistration', 'oauthIds', 'oauthSignIn', 'oauthTest', 'oauthHandover'];

/** What the specs read, from the catalogue: the route's names, the route box, the modern-auth step titles. */
function textsIn(lang: Lang) {
  const t = textIn(lang);
  const escape = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    stepOf: (n: number, total: number) => t('wizard:stepOf', { n, total }),
    routeEyebrow: t('wizard:trackEyebrow'),
    modernAuth: escape(t(trackTitleKey('modern-auth'))),
    appPassword: escape(t(trackTitleKey('app-password'))),
    listNowModern: t('oauth:track.listNow', { title: t(trackTitleKey('modern-auth')) }),
    group: t('wizard:stepList.modernAuthGroup'),
    routeDefault: t('wizard:trackSwitch.none'),
    changeRoute: t('wizard:trackSwitch.change'),
    routePage: t(stepTitleKey('modernAuth')),
    done: t('wizard:done.confirm'),
    back: t('wizard:nav.back'),
    partial: t('wizard:status.partial', { done: 1, total: 3 }),
    titles: OAUTH_STEPS.map((id) => t(stepTitleKey(id))),
    nextToSecurityDefaults: t('wizard:nav.nextTo', { title: t(stepTitleKey('securityDefaults')) }),
    securityDefaults: t(stepTitleKey('securityDefaults')),
  };
}

const T = { de: textsIn('de'), en: textsIn('en') };

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

const stepList = (page: Page, name: string) => page.getByRole('navigation', { name });
const eyebrow = (page: Page) => page.getByTestId('step-eyebrow');

for (const lang of ['de', 'en'] as Lang[]) {
  test(`route-aware step list (${lang}): choose, walk, switch back — keyboard only`, async ({ page, world }) => {
    const L = await useLanguage(page, lang);
    const R = T[lang];
    const list = stepList(page, L.stepsNav);
    await openStep(page, L, 'profile');
    await createProfile(page, L, world);

    // Before a choice: the documented procedure, eight numbered steps, and the route box says it is the default.
    await expect(eyebrow(page)).toHaveText(R.stepOf(1, 8));
    await expect(page.getByTestId('track-switch')).toContainText(R.routeDefault);
    for (const id of APP_PASSWORD_ONLY) await expect(list.locator(`[data-step=${id}]`)).toHaveCount(1);

    // Choose modern authentication with the arrow keys in the radio group; the change is announced where it was made.
    const choice = page.getByTestId('profile-track-choice');
    await tabTo(page, choice.getByRole('radio', { name: R.appPassword }));
    await page.keyboard.press('ArrowDown');
    await expect(choice.getByRole('radio', { name: R.modernAuth })).toBeChecked();
    await expect(choice.getByTestId('track-choice-status')).toHaveText(R.listNowModern);
    await expect(choice.getByTestId('track-choice-status')).toHaveAttribute('aria-live', 'polite');

    // The list now walks the modern-auth route: no app-password step, its own steps as a labelled group.
    for (const id of APP_PASSWORD_ONLY) await expect(list.locator(`[data-step=${id}]`)).toHaveCount(0);
    const group = list.getByRole('list', { name: R.group });
    await expect(group.locator('[data-step]')).toHaveCount(4);
    await expect(list.locator('[data-step]:not([data-step=modernAuth])')).toHaveCount(8);
    await expect(eyebrow(page)).toHaveText(R.stepOf(1, 7));
    await expectNoSeriousViolations(page, `${lang}/profile on the modern-auth route`);

    // Next walks the route in order, focus lands on each heading, "Step n of 7" counts along.
    for (const [i, id] of OAUTH_STEPS.entries()) {
      await tabTo(page, page.getByTestId('next-step'));
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText(R.titles[i]!);
      await expect(heading(page)).toBeFocused();
      await expect(eyebrow(page)).toHaveText(R.stepOf(i + 2, 7));
      await expect(list.locator(`[data-step=${id}]`)).toHaveAttribute('aria-current', 'step');
      await expectNoSeriousViolations(page, `${lang}/${id}`);
    }
    // The last step has no Next; Back goes one step back.
    await expect(page.getByTestId('next-step')).toHaveCount(0);
    await tabTo(page, page.getByRole('button', { name: R.back }));
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText(R.titles[4]!);

    // The registration step counts its parts in the list; one part confirmed with the keyboard.
    const registration = list.locator('[data-step=oauthRegistration]');
    await tabTo(page, registration);
    await page.keyboard.press('Enter');
    await expect(heading(page)).toBeFocused();
    await tabTo(page, page.getByTestId('part-done-oauthRegister').getByRole('button', { name: R.done, exact: true }));
    await page.keyboard.press('Space');
    await expect(registration).toContainText(R.partial);
    await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENS}/steps-${lang}-1-modern-auth.png`, animations: 'disabled' });

    // The route box leads to the route page, which is on neither list and says so instead of "Step n of N".
    await tabTo(page, page.getByTestId('track-switch').getByRole('button', { name: R.changeRoute }));
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText(R.routePage);
    await expect(heading(page)).toBeFocused();
    await expect(eyebrow(page)).toHaveText(R.routeEyebrow);
    await expect(page.getByTestId('step-status')).toHaveCount(0);
    await expectNoSeriousViolations(page, `${lang}/route page`);
    await page.screenshot({ path: `${SCREENS}/steps-${lang}-2-route-page.png`, animations: 'disabled' });

    // Back to the app password: the documented list returns, and Next continues where that route's own work starts.
    const routeChoice = page.getByTestId('track-page');
    await tabTo(page, routeChoice.getByRole('radio', { name: R.modernAuth }));
    await page.keyboard.press('ArrowUp');
    await expect(routeChoice.getByRole('radio', { name: R.appPassword })).toBeChecked();
    for (const id of APP_PASSWORD_ONLY) await expect(list.locator(`[data-step=${id}]`)).toHaveCount(1);
    await expect(list.locator('[data-step=oauthRegistration]')).toHaveCount(0);
    await expect(page.getByTestId('next-step')).toHaveText(R.nextToSecurityDefaults);
    await page.screenshot({ path: `${SCREENS}/steps-${lang}-3-app-password.png`, animations: 'disabled' });
    await tabTo(page, page.getByTestId('next-step'));
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText(R.securityDefaults);
    await expect(eyebrow(page)).toHaveText(R.stepOf(3, 8));

    // The modern-auth progress is kept: switching again shows the confirmed part.
    await page.getByTestId('track-switch').getByRole('button', { name: R.changeRoute }).click();
    await page.getByTestId('track-page').getByRole('radio', { name: R.modernAuth }).check();
    await expect(list.locator('[data-step=oauthRegistration]')).toContainText(R.partial);
  });
}

test('route-aware step list in dark mode and at 900×600', async ({ page, world }) => {
  const L = await useLanguage(page, 'de');
  await openStep(page, L, 'profile');
  await createProfile(page, L, world);
  await page.getByTestId('profile-track-choice').getByRole('radio', { name: T.de.modernAuth }).check();
  const list = stepList(page, L.stepsNav);
  await expect(list.locator('[data-step=oauthRegistration]')).toBeVisible();

  await page.emulateMedia({ colorScheme: 'dark' });
  for (const id of ['oauthRegistration', 'oauthSignIn', 'modernAuth']) {
    await list.locator(`[data-step=${id}]`).click();
    await expectNoSeriousViolations(page, `dark/${id}`);
  }
  await list.locator('[data-step=oauthRegistration]').click();
  await page.screenshot({ path: `${SCREENS}/steps-de-dark-modern-auth.png`, animations: 'disabled' });

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 900, height: 600 });
  for (const id of [...OAUTH_STEPS, 'modernAuth']) {
    await list.locator(`[data-step=${id}]`).click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `sideways overflow on ${id}`).toBeLessThanOrEqual(0);
  }
  await list.locator('[data-step=oauthIds]').click();
  await page.screenshot({ path: `${SCREENS}/steps-de-900x600-ids.png`, animations: 'disabled' });
});
