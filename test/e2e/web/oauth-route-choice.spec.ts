/**
 * The route choice at an Exchange Online host: the assistant recommends the OAuth bridge (agorum core's form has only
 * a password field) and says why, and a refused app password there offers the switch, carrying the connection over.
 */

import { stepTitleKey, trackTitleKey } from '@shared/text/titles';
import { waitForShell } from '@test/fixtures/harness-page';
import { TEST_CLIENT_ID } from '@test/fixtures/oidc-provider';

import { asPattern, createConnection, expect, L, MA, open, stepList, test } from './oauth-kit';
import { heading } from './wizard-helpers';
import { de } from './wizard-texts';

test('for an Exchange Online host the assistant recommends the OAuth bridge and says why', async ({ page, app }) => {
  await open(page, app);
  const created = await page.evaluate(() =>
    window.assistant!.createProfile({
      displayName: 'Exchange',
      mailboxUser: 'imap@contoso.example',
      host: 'outlook.office365.com',
    }),
  );
  expect(created.ok).toBe(true);
  await page.reload();
  await waitForShell(page);
  // Until a route is chosen the route box under the list says so and names the recommendation.
  const routeBox = page.getByTestId('track-switch');
  await expect(routeBox).toContainText(de('wizard:trackSwitch.recommendedBridge', { host: 'outlook.office365.com' }));
  await routeBox.getByRole('button', { name: de('wizard:trackSwitch.choose') }).click();
  await expect(heading(page)).toHaveText(de(stepTitleKey('modernAuth')));
  await expect(page.getByTestId('step-eyebrow')).toHaveText(de('wizard:trackEyebrow'));
  await expect(page.getByTestId('track-choice').locator('[data-track=bridge]')).toContainText(
    de('oauth:track.recommended'),
  );
  await expect(page.getByTestId('track-choice').locator('[data-track=modern-auth]')).not.toContainText(
    de('oauth:track.recommended'),
  );
  await expect(page.getByTestId('track-reason')).toContainText(
    de('oauth:track.whyBridge', { host: 'outlook.office365.com' }),
  );
  await expect(page.getByTestId('track-choice').locator('[data-track=app-password]')).not.toContainText(
    de('oauth:track.recommended'),
  );
});

test('a refused app password at Exchange Online offers the switch and carries the profile over', async ({
  page,
  app,
  world,
}) => {
  await open(page, app);
  await createConnection(page, 'Exchange Online', world.exchange.port);
  await page
    .getByTestId('profile-track-choice')
    .getByRole('radio', { name: asPattern(de(trackTitleKey('app-password'))) })
    .check();
  await expect(page.getByTestId('track-switch')).toContainText('App-Kennwort (Dokumentation 2022)');

  await stepList(page).locator('[data-step=test]').click();
  await page.getByLabel(L.password, { exact: true }).fill('abcdefghijklmnop');
  await page.getByTestId('test-form').getByRole('button', { name: L.runTest, exact: true }).click();
  await expect(page.getByTestId('diagnosis-card')).toHaveAttribute('data-code', 'AUTH_FAILED');
  const offer = page.getByTestId('switch-offer');
  await expect(offer).toContainText(de('oauth:switch.title'));
  await offer.getByRole('button', { name: de('oauth:switch.button') }).click();

  // The bridge route continues where its own work starts (the registration it shares with modern
  // authentication); the list follows.
  await expect(heading(page)).toHaveText(MA.registration);
  await expect(stepList(page).locator('[data-step=test]')).toHaveCount(0);
  await expect(page.getByTestId('track-switch')).toContainText(de(trackTitleKey('bridge')));
  // Same profile: its IDs are entered on the shared step, and agorum's values name the mailbox user.
  await stepList(page).locator('[data-step=oauthIds]').click();
  await expect(heading(page)).toHaveText(MA.ids);
  const ids = page.getByTestId('oauth-ids-form');
  await ids.getByRole('textbox', { name: de('oauth:ids.clientId') }).fill(TEST_CLIENT_ID);
  await ids.getByRole('textbox', { name: de('oauth:ids.tenant') }).fill(world.idp.tenantId);
  await ids.getByRole('button', { name: de('oauth:ids.save') }).click();
  await expect(ids).toContainText(de('oauth:ids.saved'));
  await stepList(page).locator('[data-step=bridgeValues]').click();
  await expect(heading(page)).toHaveText(de(stepTitleKey('bridgeValues')));
  await expect(page.getByTestId('step-eyebrow')).toHaveText(de('wizard:stepOf', { n: 8, total: 9 }));
  await expect(page.getByTestId('bridge-values-missing')).toBeVisible();
});
