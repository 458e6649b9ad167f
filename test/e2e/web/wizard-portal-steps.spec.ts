/**
 * Every Microsoft-side step (3 security defaults, 4 per-user MFA, 5 app password, 8 more app passwords) in both
 * languages: a purpose line, numbered instructions naming the 2022 labels in brackets, illustrations that load
 * and carry alt text, Open for the right identity (admin for 3/4, mailbox user for 5/8) and the private-window
 * alternative in the user's own browser.
 */
import { expect, wizardTest as test } from '@test/fixtures/harness-page';

import { lastPortalOpen, openStep, useLanguage } from './wizard-helpers';
import type { Lang, WizardStep } from './wizard-texts';

const PORTAL_STEPS: { step: WizardStep; identity: 'admin' | 'mailbox'; url: RegExp; pictures: string[] }[] = [
  {
    step: 'securityDefaults',
    identity: 'admin',
    url: /^https:\/\/entra\.microsoft\.com\//,
    pictures: ['security-defaults'],
  },
  {
    step: 'perUserMfa',
    identity: 'admin',
    url: /^https:\/\/entra\.microsoft\.com\/.*AllUsers|mfasettings/,
    pictures: ['per-user-mfa', 'mfa-service-settings'],
  },
  {
    step: 'appPassword',
    identity: 'mailbox',
    url: /^https:\/\/mysignins\.microsoft\.com\/security-info$/,
    pictures: ['app-password-add', 'app-password-copy'],
  },
  {
    step: 'morePasswords',
    identity: 'mailbox',
    url: /^https:\/\/mysignins\.microsoft\.com\/security-info$/,
    pictures: ['more-passwords', 'security-info-list'],
  },
];

for (const lang of ['de', 'en'] as Lang[]) {
  test(`Microsoft steps (${lang}): purpose, 2022 names, illustrations, Open as the right identity, private window`, async ({
    page,
    wizard,
  }) => {
    const L = await useLanguage(page, lang);
    for (const { step, identity, url, pictures } of PORTAL_STEPS) {
      await openStep(page, L, step);
      const content = page.locator('main');
      await expect(content.locator('.lead')).not.toBeEmpty();
      expect(await content.locator('ol.instructions > li').count()).toBeGreaterThanOrEqual(4);
      await expect(content.locator('ol.instructions .old-name').first()).toContainText('2022');

      for (const name of pictures) {
        const img = page.getByTestId(`illustration-${name}`).locator('.illustration-frame img');
        await expect(img).toHaveAttribute('src', `./screenshots/${lang}/${name}.svg`);
        expect((await img.getAttribute('alt'))?.length ?? 0).toBeGreaterThan(60);
        await img.scrollIntoViewIfNeeded();
        await expect
          .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
          .toBeGreaterThan(0);
      }

      const actions = content.locator('.portal-actions').first();
      await actions.getByRole('button').first().click();
      await expect
        .poll(() => lastPortalOpen(wizard))
        .toMatchObject({ purpose: identity, url: expect.stringMatching(url) });
      await expect(actions.getByRole('status')).not.toBeEmpty();

      const launches = (await wizard.state()).browserLaunches.length;
      await actions.getByRole('button').nth(1).click();
      await expect.poll(async () => (await wizard.state()).browserLaunches.length).toBe(launches + 1);
      const launch = (await wizard.state()).browserLaunches.at(-1)!;
      expect(launch.args.some((a) => /^--(incognito|inprivate|private-window)$/.test(a))).toBe(true);
      expect(launch.args.at(-1)).toMatch(url);
    }
  });
}
