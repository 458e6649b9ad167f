/**
 * The whole wizard as an admin walks it, in German and in English: a connection to a real (local) Dovecot, the
 * network check, the Microsoft steps with their portal windows and Done confirmations, the app password created on
 * a stand-in of Microsoft's page and copied from there like a user would, and the real connection test.
 */
import { KEYCHAIN_SERVICE } from '@core/vault/keychain';
import { expect, wizardTest as test } from '@test/fixtures/harness-page';

import {
  confirmDone,
  createProfile,
  filesContaining,
  heading,
  lastPortalOpen,
  profileIds,
  runTest,
  shootStep,
  useLanguage,
} from './wizard-helpers';
import { type Lang, STEPS } from './wizard-texts';

for (const lang of ['de', 'en'] as Lang[]) {
  test(`full path (${lang}): password from the stand-in portal page → the connection was successful`, async ({
    page,
    wizard,
    world,
    context,
    dataDir,
  }) => {
    const L = await useLanguage(page, lang);
    const shot = (name: string) => shootStep(page, `wizard-${lang}-${name}`);

    // 0 Start → 1 Profile: "Let's start" moves on and focus lands on the new step's heading.
    await shot('0-start');
    await page.getByRole('button', { name: L.begin }).click();
    await expect(heading(page)).toHaveText(L.stepTitle.profile);
    await expect(heading(page)).toBeFocused();
    await createProfile(page, L, world);
    await shot('1-profile');
    const [profileId] = await profileIds(page);
    expect(profileId).toBeTruthy();

    // 2 Network: the probe's stages up to the capabilities, no password; success confirms the step by itself.
    await page.getByTestId('next-step').click();
    await expect(heading(page)).toHaveText(L.stepTitle.network);
    await page.getByRole('button', { name: L.checkNetwork, exact: true }).click();
    await expect(page.getByTestId('network-ok')).toContainText(L.networkOk);
    await expect(page.getByTestId('network-stages').locator('[data-status=ok]')).toHaveCount(5);
    await expect(page.getByTestId('step-status')).toContainText(L.statusDone);
    await shot('2-network');

    // 3 Security defaults: Open goes to the Entra overview in the administrator's session; Done is timestamped.
    await page.getByTestId('next-step').click();
    await expect(heading(page)).toHaveText(L.stepTitle.securityDefaults);
    await page.getByRole('button', { name: L.openEntra }).click();
    await expect
      .poll(() => lastPortalOpen(wizard))
      .toMatchObject({ purpose: 'admin', url: expect.stringContaining('entra.microsoft.com') });
    await confirmDone(page, L);
    await shot('3-security-defaults');

    // 4 Per-user MFA, including the tenant-wide "allow app passwords" service setting.
    await page.getByTestId('next-step').click();
    await expect(heading(page)).toHaveText(L.stepTitle.perUserMfa);
    await page.getByRole('button', { name: L.openServiceSettings }).click();
    await expect
      .poll(() => lastPortalOpen(wizard))
      .toMatchObject({ purpose: 'admin', url: expect.stringContaining('mfasettings') });
    await confirmDone(page, L);
    await shot('4-per-user-mfa');

    // 5 App password: opened for the mailbox user (never the admin's session). The stand-in plays Microsoft's
    // page; the user names the password "agorumimap" and copies it with the page's own copy button.
    await page.getByTestId('next-step').click();
    await expect(heading(page)).toHaveText(L.stepTitle.appPassword);
    await page.getByRole('button', { name: L.openSecurityInfo }).click();
    await expect
      .poll(() => lastPortalOpen(wizard))
      .toMatchObject({ purpose: 'mailbox', url: 'https://mysignins.microsoft.com/security-info' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.portal.url });
    const portal = await context.newPage();
    await portal.goto(world.portal.securityInfoUrl);
    await portal.getByRole('button', { name: '+ Add sign-in method' }).click();
    await portal.getByRole('button', { name: 'App password' }).click();
    await portal.getByLabel('Name').fill('agorumimap');
    await portal.getByRole('button', { name: 'Next' }).click();
    await portal.getByRole('button', { name: 'Copy' }).click();
    await expect(portal.getByRole('status')).toHaveText('Copied');
    expect(world.portal.createdNames.at(-1)).toBe('agorumimap');
    await portal.close();
    await page.bringToFront();
    await confirmDone(page, L);
    await shot('5-app-password');

    // 6 Test: paste (Ctrl+V) into the masked field, show/hide works, the password goes to the keychain.
    await page.getByTestId('next-step').click();
    await expect(heading(page)).toHaveText(L.stepTitle.test);
    const field = page.getByLabel(L.password, { exact: true });
    await field.focus();
    await page.keyboard.press('Control+V');
    await expect(field).toHaveValue(world.appPassword);
    await expect(field).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: L.show, exact: true }).click();
    await expect(field).toHaveAttribute('type', 'text');
    await page.getByRole('button', { name: L.hide, exact: true }).click();
    await expect(field).toHaveAttribute('type', 'password');
    await runTest(page, L);
    await expect(page.getByTestId('test-success')).toContainText(L.success);
    await expect(page.getByTestId('inbox-count')).toHaveText(L.inbox);
    await expect(page.getByTestId('test-stages').locator('[data-status=ok]')).toHaveCount(7);
    await expect(page.getByTestId('test-stages').locator('[data-stage=auth] .stage-ms')).toHaveText(/^\d+ ms$/);
    await expect(page.getByTestId('secret-state')).toHaveText(L.savedKeychain);
    await expect(field).toHaveValue('');
    await expect(page.getByTestId('step-status')).toContainText(L.statusDone);
    expect(await world.keyring.lookup(KEYCHAIN_SERVICE, `${profileId}:app-password`)).toBe(world.appPassword);
    await shot('6-test-success');

    // 7 agorum core: the password is copied by main from the keychain (the harness clipboard stands in).
    await page.getByTestId('next-step').click();
    await expect(heading(page)).toHaveText(L.stepTitle.agorum);
    // agorum's own page: Name, Server-Typ, E-Mail-Host, E-Mail-Pfad, E-Mail-Benutzer, E-Mail-Passwort, no port.
    await expect(page.getByTestId('agorum-form').locator('.copy-value-label')).toHaveText([
      'Name',
      'Server-Typ',
      'E-Mail-Host',
      'E-Mail-Pfad',
      'E-Mail-Benutzer',
      'E-Mail-Passwort',
    ]);
    await expect(page.getByTestId('agorum-field-emailPath')).toContainText(L.agorumKeep);
    await expect(page.getByTestId('agorum-from-here')).toBeVisible();
    await page.getByRole('button', { name: L.copyPassword }).click();
    await expect(page.getByTestId('agorum-field-emailPassword')).toContainText(L.copiedSecret);
    expect((await wizard.state()).clipboard).toBe(world.appPassword);
    await confirmDone(page, L);
    await shot('7-agorum');

    await page.getByTestId('next-step').click();
    await expect(heading(page)).toHaveText(L.stepTitle.morePasswords);
    await shot('8-more-passwords');

    // Every step but Start now carries a status, and the app password is in no file of the app's data.
    const list = page.getByRole('navigation', { name: L.stepsNav });
    for (const step of STEPS.filter((s) => !['start', 'morePasswords'].includes(s))) {
      await expect(list.locator(`[data-step=${step}]`)).toHaveAttribute('data-status', 'done');
    }
    expect(await filesContaining(dataDir, world.appPassword)).toEqual([]);
  });
}
