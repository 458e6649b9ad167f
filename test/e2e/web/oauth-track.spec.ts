/**
 * The modern-authentication track in Chromium through the harness, as an admin walks it step by step: track
 * choice (the step list follows it), the three Entra registration parts confirmed, the IDs entered (a wrong one
 * refused), sign-in as the mailbox user through the local OIDC provider (the test plays the system browser), the
 * XOAUTH2 test against Dovecot, a silent refresh after expiry, the hand-over values and the setup report, a restart
 * that keeps the sign-in (keychain), a tampered token diagnosed, a sign-in error as a diagnosis, sign-out removing
 * the keychain entry — and no token in any file the app wrote.
 *
 * The app runs as its own process (ProcessHarness) with MAILADAPTER_OAUTH_AUTHORITY_HOST pointing MSAL at the local
 * provider and NODE_EXTRA_CA_CERTS trusting the test CA, as an admin machine would trust a company CA.
 */
import { readFileSync } from 'node:fs';

import { KEYCHAIN_SERVICE } from '@core/vault/keychain';
import type { Page } from '@playwright/test';
import { handoverLabelKey } from '@shared/oauth/handover';
import { partTitleKey } from '@shared/text/titles';
import { TEST_CLIENT_ID } from '@test/fixtures/oidc-provider';

import {
  asPattern,
  axe,
  createConnection,
  expect,
  lastExternal,
  MA,
  MODERN_AUTH,
  open,
  openOAuthStep,
  part,
  signInInBrowser,
  stepList,
  test,
  USER,
} from './oauth-kit';
import { filesContaining, heading, shootStep } from './wizard-helpers';
import { de, en, lead, plain } from './wizard-texts';

/** The waiting sign-in as a person sees it, at both window sizes. */
async function shootWaiting(page: Page, lang: 'de' | 'en'): Promise<void> {
  const size = page.viewportSize()!;
  for (const [width, height] of [
    [1280, 860],
    [900, 600],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shootStep(page, `oauth-${lang}-3-sign-in-waiting-${width}`);
  }
  await page.setViewportSize(size);
}

test('modern-auth track: registration, sign-in, XOAUTH2 test, refresh, hand-over and report, restart, sign-out', async ({
  page,
  app,
  world,
  dataDir,
}) => {
  test.setTimeout(180_000);
  const { idp, keyring } = world;
  await open(page, app);

  // A connection to the local Dovecot.
  await createConnection(page, 'Rechnungseingang', world.dovecot.imapsPort);
  const profileId = (
    (await page.evaluate(() => window.assistant!.listProfiles())) as { ok: true; value: { id: string }[] }
  ).value[0]!.id;
  const keychainAccount = `${profileId}:oauth-refresh-token`;

  // Track choice at the start of the profile; 127.0.0.1 is no Exchange host, so the assistant says why.
  const choice = page.getByTestId('profile-track-choice');
  await expect(choice.getByTestId('track-reason')).toContainText(
    de('oauth:track.whyAppPassword', { host: '127.0.0.1' }),
  );
  await axe(page, 'profile step with the track choice');
  await choice.getByRole('radio', { name: asPattern(MODERN_AUTH) }).check();
  // The step list now walks the modern-auth track, and says so where the choice was made.
  await expect(choice.getByTestId('track-choice-status')).toHaveText(de('oauth:track.listNow', { title: MODERN_AUTH }));
  await expect(stepList(page).locator('[data-step=securityDefaults]')).toHaveCount(0);
  await expect(stepList(page).locator('[data-step=oauthRegistration]')).toBeVisible();
  await expect(page.getByTestId('step-eyebrow')).toHaveText(de('wizard:stepOf', { n: 1, total: 7 }));

  // The Microsoft-side parts: Open goes to Entra's App registrations in the administrator's session; each part is
  // confirmed, and the step counts them.
  await openOAuthStep(page, 'oauthRegistration', MA.registration, 3);
  await part(page, 'register')
    .getByRole('button', { name: de('oauth:register.open') })
    .click();
  await expect
    .poll(async () => (await app.state()).windows.filter((w) => w.kind === 'portal').at(-1))
    .toMatchObject({
      purpose: 'admin',
      url: expect.stringMatching(/^https:\/\/entra\.microsoft\.com\/#view\/Microsoft_AAD_RegisteredApps\//),
    });
  await expect(part(page, 'register').getByRole('img', { name: de('oauth:register.figureAlt') })).toBeVisible();
  const registrationItem = stepList(page).locator('[data-step=oauthRegistration]');
  for (const [i, id] of ['oauthRegister', 'oauthPlatform', 'oauthPermissions'].entries()) {
    await page
      .getByTestId(`part-done-${id}`)
      .getByRole('button', { name: de('oauth:done.confirm') })
      .click();
    await expect(page.getByTestId(`part-done-${id}`)).toContainText(lead('de', 'oauth:done.doneAt', 'date'));
    if (i < 2) await expect(registrationItem).toContainText(`${i + 1} von 3 erledigt`);
  }
  await expect(registrationItem).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('step-status')).toContainText('Erledigt ·');
  await shootStep(page, 'oauth-de-1-registration');

  // IDs: a client ID that is no GUID is refused inline; the right ones are saved, which completes the step.
  await page.getByTestId('next-step').click();
  await expect(heading(page)).toHaveText(MA.ids);
  const ids = page.getByTestId('oauth-ids-form');
  await ids.getByRole('textbox', { name: de('oauth:ids.clientId') }).fill('contoso-app');
  await ids.getByRole('textbox', { name: de('oauth:ids.tenant') }).fill('common');
  await ids.getByRole('button', { name: de('oauth:ids.save') }).click();
  await expect(ids).toContainText(de('errors:field.clientId.invalid'));
  await expect(ids).toContainText(de('errors:field.tenant.alias'));
  await ids.getByRole('textbox', { name: de('oauth:ids.clientId') }).fill(TEST_CLIENT_ID);
  await ids.getByRole('textbox', { name: de('oauth:ids.tenant') }).fill(idp.tenantId);
  await ids.getByRole('button', { name: de('oauth:ids.save') }).click();
  await expect(ids).toContainText(de('oauth:ids.saved'));
  await expect(stepList(page).locator('[data-step=oauthIds]')).toHaveAttribute('data-status', 'done');
  await shootStep(page, 'oauth-de-2-ids');

  // A sign-in error is a diagnosis: consent missing, with the way back to the permissions part.
  await page.getByTestId('next-step').click();
  await expect(heading(page)).toHaveText(MA.signIn);
  const signIn = part(page, 'signIn');
  idp.failNext({ at: 'authorize', aadsts: 65001, error: 'invalid_client' });
  let before = await lastExternal(app);
  await signIn.getByRole('button', { name: de('oauth:signIn.start') }).click();
  await signInInBrowser(app, idp, before);
  await expect(signIn.getByTestId('signin-diagnosis')).toContainText(de('signin:aadsts.65001.title'));
  await expect(signIn.getByTestId('signin-diagnosis-code')).toHaveText('AADSTS65001');
  // A code read off the browser's error page gets the same kind of guidance (folded away until needed).
  await signIn.getByText(de('oauth:signIn.codeSummary')).click();
  await signIn.getByLabel(de('oauth:signIn.codeLabel')).fill('AADSTS50011');
  await signIn.getByRole('button', { name: de('oauth:signIn.codeLookup') }).click();
  await expect(signIn.getByTestId('aadsts-lookup-result')).toContainText(de('signin:aadsts.50011.title'));
  await axe(page, 'sign-in step with sign-in diagnoses');
  await shootStep(page, 'oauth-de-3-sign-in-diagnosis');
  // "Back to the permissions" opens the registration step on that part, with focus on its heading.
  await signIn
    .getByTestId('signin-diagnosis')
    .getByRole('button', { name: de('oauth:signIn.goToPart', { part: de(partTitleKey('oauthPermissions')) }) })
    .click();
  await expect(heading(page)).toHaveText(MA.registration);
  await expect(page.locator('#oauth-part-permissions')).toBeFocused();
  await openOAuthStep(page, 'oauthSignIn', MA.signIn, 5);

  // Sign-in as the mailbox user through the "system browser". Its access token lives 3 s only.
  idp.accessTokenTtl = 3;
  before = await lastExternal(app);
  await signIn.getByRole('button', { name: de('oauth:signIn.start') }).click();
  await expect(signIn.getByTestId('oauth-waiting')).toBeVisible();
  // While it waits, the address the app opened can be copied exactly (the harness clipboard stands in).
  await expect.poll(() => lastExternal(app), { timeout: 15_000 }).not.toBe(before);
  const signInUrl = (await lastExternal(app))!;
  const urlRow = signIn.getByTestId('oauth-signin-url');
  const { origin, pathname } = new URL(signInUrl);
  await expect(urlRow).toContainText(`${origin}${pathname}?…`);
  await urlRow
    .getByRole('button', { name: de('wizard:agorum.copyLabel', { field: de('oauth:signIn.urlLabel') }) })
    .click();
  await expect.poll(async () => (await app.state()).clipboard).toBe(signInUrl);
  await expect(urlRow.getByRole('status')).toHaveText(de('wizard:agorum.copied'));
  await axe(page, 'sign-in waiting with the address to copy');
  await shootWaiting(page, 'de');
  await page.getByLabel(de('common:header.language')).selectOption('en');
  await expect(urlRow.getByText(en('oauth:signIn.urlLabel'), { exact: true })).toBeVisible();
  await expect(urlRow.getByRole('status')).toHaveText(en('wizard:agorum.copied'));
  await axe(page, 'sign-in waiting with the address to copy, English');
  await shootWaiting(page, 'en');
  await page.getByLabel(en('common:header.language')).selectOption('de');
  await signInInBrowser(app, idp, before);
  await expect(signIn.getByTestId('oauth-signed-in')).toContainText(`Angemeldet als ${USER}`);
  await expect(signIn.getByTestId('oauth-signed-in')).toContainText('Schlüsselbund');
  await expect(stepList(page).locator('[data-step=oauthSignIn]')).toHaveAttribute('data-status', 'done');
  // The keychain holds the bare refresh token (the last token the provider issued), nothing else.
  expect(await keyring.lookup(KEYCHAIN_SERVICE, keychainAccount)).toBe(idp.issuedSecrets.at(-1));

  // XOAUTH2 test once the sign-in's token has expired: renewed silently, success, and the step confirms itself.
  idp.accessTokenTtl = 3600;
  await page.waitForTimeout(3500);
  const refreshes = idp.tokenRequests.filter((r) => r.grant === 'refresh_token').length;
  await page.getByTestId('next-step').click();
  await expect(heading(page)).toHaveText(MA.test);
  const testPart = part(page, 'test');
  await testPart.getByRole('button', { name: de('oauth:test.run') }).click();
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('Die Verbindung war erfolgreich.');
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('Im Posteingang liegen 2 Nachrichten.');
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('im Hintergrund erneuert');
  // The verdict comes into view with the focus on its heading, as after the password test.
  await expect(testPart.getByTestId('oauth-test-success').getByRole('heading')).toBeFocused();
  expect(idp.tokenRequests.filter((r) => r.grant === 'refresh_token')).toHaveLength(refreshes + 1);
  await expect(stepList(page).locator('[data-step=oauthTest]')).toHaveAttribute('data-status', 'done');
  await shootStep(page, 'oauth-de-4-tested');
  await axe(page, 'XOAUTH2 test passed');

  // A second test uses the access token held in memory: no refresh.
  await testPart.getByRole('button', { name: de('oauth:test.run') }).click();
  await expect(testPart.getByTestId('oauth-test-success')).toBeVisible();
  await expect(testPart.getByTestId('oauth-test-success')).not.toContainText('im Hintergrund erneuert');
  expect(idp.tokenRequests.filter((r) => r.grant === 'refresh_token')).toHaveLength(refreshes + 1);

  // Hand-over values with copy buttons (the harness clipboard stands in for the OS one).
  await page.getByTestId('next-step').click();
  await expect(heading(page)).toHaveText(MA.handover);
  await expect(page.getByTestId('step-eyebrow')).toHaveText('Schritt 7 von 7');
  await expect(page.getByTestId('next-step')).toHaveCount(0);
  const handover = part(page, 'handover');
  await expect(handover.getByTestId('handover-clientId')).toContainText(TEST_CLIENT_ID);
  await expect(handover.getByTestId('handover-scopes')).toContainText(
    'https://outlook.office.com/IMAP.AccessAsUser.All offline_access',
  );
  await expect(handover.getByTestId('handover-redirectUri')).toContainText('http://localhost');
  await handover.getByTestId('handover-tenantId').getByRole('button').click();
  await expect.poll(async () => (await app.state()).clipboard).toBe(idp.tenantId);
  await expect(handover).toContainText(plain(de('oauth:handover.intro')));

  // The setup report carries the same values, labelled as what an OAuth-capable adapter needs — and no token.
  await page.getByRole('button', { name: de('wizard:agorum.reportButton') }).click();
  await expect(page.getByTestId('report-message')).toContainText(lead('de', 'wizard:agorum.reportSaved', 'path'));
  const reportPath = (await app.state()).saveDialogs.at(-1)!.path!;
  const report = readFileSync(reportPath, 'utf8');
  const section = /<section data-section="handover">([\s\S]*?)<\/section>/.exec(report)?.[1] ?? '';
  expect(section).toContain(`<h2>${de('report:handover')}</h2>`);
  expect(section).toContain(`<p class="hint">${de('report:handoverNote')}</p>`);
  for (const [key, value] of [
    ['tenantId', idp.tenantId],
    ['clientId', TEST_CLIENT_ID],
    ['authority', `https://${idp.host}/${idp.tenantId}`],
    ['redirectUri', 'http://localhost'],
    ['scopes', 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access'],
    ['imapHost', '127.0.0.1'],
    ['imapPort', String(world.dovecot.imapsPort)],
    ['user', USER],
  ] as const) {
    expect(section, key).toContain(`<dt>${de(handoverLabelKey(key))}</dt><dd><code>${value}</code></dd>`);
  }
  expect(report).toContain(`<dt>${de('report:fields.track')}</dt><dd>${MODERN_AUTH}</dd>`);
  expect(report).toContain(`angemeldet als ${USER}`);
  for (const secret of idp.issuedSecrets) expect(report).not.toContain(secret);
  await page.getByTestId('done-bar').getByRole('button', { name: 'Erledigt', exact: true }).click();
  await expect(stepList(page).locator('[data-step=oauthHandover]')).toHaveAttribute('data-status', 'done');
  await shootStep(page, 'oauth-de-5-handover');
  await axe(page, 'hand-over step');

  // Restart: nothing in memory survives, the sign-in comes back from the keychain. The provider now hands out a
  // tampered token: the server refuses it and the diagnosis explains; renewing after the fix passes again.
  idp.tamperAccessTokens = true;
  await app.restart();
  await open(page, app);
  await expect(heading(page)).toHaveText(MA.handover);
  await openOAuthStep(page, 'oauthSignIn', MA.signIn, 5);
  await expect(part(page, 'signIn').getByTestId('oauth-signed-in')).toContainText(`Angemeldet als ${USER}`);
  await openOAuthStep(page, 'oauthTest', MA.test, 6);
  // The last result comes back from the store's report history.
  await expect(part(page, 'test').getByTestId('oauth-test-success')).toContainText('Letztes Ergebnis vom');
  await part(page, 'test')
    .getByRole('button', { name: de('oauth:test.run') })
    .click();
  const diagnosis = part(page, 'test').getByTestId('oauth-test-diagnosis');
  await expect(diagnosis).toHaveAttribute('data-code', 'AUTH_FAILED');
  await expect(diagnosis.getByTestId('diagnosis-causes').locator('li').first()).toHaveAttribute(
    'data-cause',
    'imap-disabled-for-mailbox',
  );
  expect(idp.introspections.at(-1)).toMatchObject({ active: false, reason: 'bad-signature' });
  await expect(stepList(page).locator('[data-step=oauthTest]')).toHaveAttribute('data-status', 'attention');
  await shootStep(page, 'oauth-de-6-tampered-token');
  await axe(page, 'XOAUTH2 test with the token diagnosis');
  idp.tamperAccessTokens = false;
  await part(page, 'test')
    .getByRole('button', { name: de('oauth:test.renewAndRun') })
    .click();
  await expect(part(page, 'test').getByTestId('oauth-test-success')).toContainText('Die Verbindung war erfolgreich.');
  await expect(stepList(page).locator('[data-step=oauthTest]')).toHaveAttribute('data-status', 'done');

  // Sign-out deletes the keychain entry, and the sign-in step is open again.
  await openOAuthStep(page, 'oauthSignIn', MA.signIn, 5);
  await part(page, 'signIn').getByTestId('oauth-sign-out').click();
  await expect(part(page, 'signIn').getByTestId('oauth-not-signed-in')).toBeVisible();
  await expect(stepList(page).locator('[data-step=oauthSignIn]')).toHaveAttribute('data-status', 'open');
  expect(await keyring.lookup(KEYCHAIN_SERVICE, keychainAccount)).toBeNull();

  // No token the provider issued is in any file the app wrote (store, oauth.json, logs, reports).
  await app.close();
  expect(idp.issuedSecrets.length).toBeGreaterThan(4);
  for (const secret of idp.issuedSecrets) expect(await filesContaining(dataDir, secret)).toEqual([]);
});
