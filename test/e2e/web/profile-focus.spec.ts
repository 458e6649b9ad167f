/**
 * Creating a connection replaces the "new connection" form by the form of the connection just made. Keyboard and
 * screen-reader users stay where they acted — on that form's button — instead of being dropped to the page body.
 */
import { expect, wizardTest as test } from '@test/fixtures/harness-page';

import { createProfile, openStep, useLanguage } from './wizard-helpers';
import { type Lang } from './wizard-texts';

const SAVE: Record<Lang, string> = { de: 'Änderungen speichern', en: 'Save changes' };
const ADD: Record<Lang, string> = { de: 'Weitere Verbindung anlegen', en: 'Add another connection' };

for (const lang of ['de', 'en'] as Lang[]) {
  test(`focus stays on the connection form after creating a connection (${lang})`, async ({ page, world }) => {
    const L = await useLanguage(page, lang);
    await openStep(page, L, 'profile');
    const form = page.getByTestId('profile-form');
    const focusIsOnSave = async () => {
      await expect(form.getByRole('button', { name: SAVE[lang], exact: true })).toBeFocused();
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    };

    await createProfile(page, L, world, { name: 'Erste' });
    await focusIsOnSave();

    // The second one, started from the list, the same way.
    await page.getByRole('button', { name: ADD[lang] }).click();
    await createProfile(page, L, world, { name: 'Zweite' });
    await focusIsOnSave();
    // Tab leads on to what comes next on the page: the route choice of the new connection.
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('profile-track-choice').locator(':focus')).toHaveCount(1);
  });
}
