/**
 * The OAuth bridge route end to end, the way agorum core will use it: a connection on the bridge route (Entra parts,
 * IDs, sign-in through the local OpenID provider), the bridge set up in the app (a taken port explained, the local
 * password generated and copied), agorum's values copied, *Brücke testen* passing against a Dovecot that accepts
 * XOAUTH2 only, curl reading the test messages with the copied password, a revoked refresh token turning into
 * "needs sign-in" (banner, OS notification) and healing with a new sign-in, and a restart bringing the bridge back.
 * German and English, axe on every bridge screen, screenshots at 1280×860 and 900×600.
 */
import { freePort } from '@test/fixtures/dovecot';
import { DOVECOT, imapResponder } from '@test/fixtures/imap-responder';
import { startScriptedImap } from '@test/fixtures/scripted-imap';

import {
  connectionOnBridgeRoute,
  curlFetch,
  curlLoginCode,
  openBridgeStep,
  shootBoth,
  signInHere,
  stepOf,
} from './bridge-kit';
import { axe, expect, open, test, USER } from './oauth-kit';
import { tabTo, useLanguage } from './wizard-helpers';
import { type Lang, textIn } from './wizard-texts';

for (const lang of ['de', 'en'] as const satisfies readonly Lang[]) {
  test(`bridge route (${lang}): setup, values, test, curl, revoked sign-in healed, restart`, async ({
    page,
    app,
    world,
  }) => {
    test.setTimeout(240_000);
    const t = textIn(lang);
    const { idp } = world;
    await open(page, app);
    await connectionOnBridgeRoute(page, app, idp, 'Rechnungseingang', world.dovecot.imapsPort);
    await useLanguage(page, lang);

    // Where agorum core runs: this computer.
    await openBridgeStep(page, lang, 'bridgePlace');
    await page.getByRole('radio', { name: new RegExp(t('bridge:place.thisComputer.title')) }).check();
    await expect(page.getByTestId('bridge-place-status')).toHaveText(
      t('bridge:place.saved', { title: t('bridge:place.thisComputer.title') }),
    );
    await expect(stepOf(page, 'bridgePlace')).toHaveAttribute('data-status', 'done');
    await axe(page, `${lang}: where agorum core runs`);
    await shootBoth(page, `bridge-${lang}-1-place`);

    // A port held by another IMAP server (agorum core's own, in real life) is explained, with free alternatives.
    const occupant = await startScriptedImap({ script: imapResponder(DOVECOT) });
    await openBridgeStep(page, lang, 'bridgeSetup');
    await page.getByTestId('bridge-port').fill(String(occupant.port));
    await page.getByRole('button', { name: t('bridge:setup.check') }).click();
    const taken = page.getByTestId('bridge-port-taken');
    await expect(taken).toContainText(t('bridge:setup.taken', { address: `127.0.0.1:${occupant.port}` }));
    await expect(taken).toContainText(t('bridge:setup.takenImap'));
    await expect(taken.getByTestId('bridge-alternatives').getByRole('button').first()).toBeVisible();
    await axe(page, `${lang}: port taken`);
    await shootBoth(page, `bridge-${lang}-2-port-taken`);
    await occupant.close();

    // A free port; the password is generated, shown once and copied by main (cleared later like an app password).
    const port = await freePort();
    await page.getByTestId('bridge-port').fill(String(port));
    await page.getByTestId('bridge-save').click();
    await expect(page.getByTestId('bridge-save-status')).toHaveText(
      t('bridge:setup.saved', { address: `127.0.0.1:${port}` }),
    );
    await page.getByTestId('bridge-generate').click();
    const password = (await page.getByTestId('bridge-password-value').textContent())!;
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    await expect(page.getByTestId('bridge-password-once')).toContainText(t('bridge:password.shownOnce'));
    await page.getByTestId('copy-bridge-password').getByRole('button').click();
    await expect.poll(async () => (await app.state()).clipboard).toBe(password);
    await page.getByTestId('bridge-start').click();
    await expect(page.getByTestId('bridge-run').getByTestId('bridge-state')).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('header-bridge').getByTestId('bridge-state')).toHaveAttribute(
      'data-state',
      'running',
    );
    await expect(stepOf(page, 'bridgeSetup')).toHaveAttribute('data-status', 'done');
    await axe(page, `${lang}: bridge set up`);
    await shootBoth(page, `bridge-${lang}-3-setup`);

    // Regenerating warns that agorum core must get the new password; cancelling keeps the old one.
    await page.getByRole('button', { name: t('bridge:password.regenerate') }).click();
    const dialog = page.getByTestId('bridge-regenerate-dialog');
    await expect(dialog).toContainText(t('bridge:password.confirmText'));
    await axe(page, `${lang}: regenerate warning`);
    await dialog.getByRole('button', { name: t('bridge:password.cancel') }).click();

    // The values for agorum core's form, by its field names, with copy buttons; the port note says how it is reached.
    await openBridgeStep(page, lang, 'bridgeValues');
    const values = page.getByTestId('bridge-values');
    await values.getByTestId('bridge-copy-emailHost').getByRole('button').click();
    await expect.poll(async () => (await app.state()).clipboard).toBe('127.0.0.1');
    await values.getByTestId('bridge-copy-emailUser').getByRole('button').click();
    await expect.poll(async () => (await app.state()).clipboard).toBe(USER);
    await values.getByTestId('bridge-copy-emailPath').getByRole('button').click();
    await expect.poll(async () => (await app.state()).clipboard).toBe('INBOX');
    await expect(values.getByTestId('bridge-copy-emailHost')).toContainText(
      t('bridge:values.portOther', { type: 'IMAP', port, standard: 143 }),
    );
    await axe(page, `${lang}: values for agorum core`);
    await shootBoth(page, `bridge-${lang}-4-values`);

    // Brücke testen: password login at the bridge, STATUS INBOX through it to Dovecot (XOAUTH2 only).
    await openBridgeStep(page, lang, 'bridgeTest');
    await page.getByTestId('bridge-test-run').click();
    await expect(page.getByTestId('bridge-test-success')).toContainText(t('wizard:test.success'));
    await expect(page.getByTestId('bridge-inbox-count')).toContainText(
      t('wizard:test.inbox', { count: 2, formatted: '2' }),
    );
    await expect(page.getByTestId('bridge-test-stages').locator('[data-stage=auth]')).toHaveAttribute(
      'data-status',
      'ok',
    );
    await expect(stepOf(page, 'bridgeTest')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('bridge-last-login')).toContainText(t('bridge:status.ok'));
    await axe(page, `${lang}: bridge test passed`);
    await shootBoth(page, `bridge-${lang}-5-tested`);

    // A client nobody here wrote logs in with the copied password and downloads the test messages.
    expect(await curlFetch(port, USER, password, 1)).toContain('Subject: Rechnung 1');
    expect(await curlFetch(port, USER, password, 2)).toContain('Subject: Rechnung 2');
    expect(await curlLoginCode(port, USER, 'wrong-password-000000000')).toBe(67);

    // The refresh token is revoked and the access token runs out: the next login finds the sign-in dead.
    idp.revokeRefreshTokens();
    await app.restart();
    await open(page, app);
    // The language is kept too.
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // Restart: the bridge comes back by itself with its settings (port, password).
    await expect(page.getByTestId('header-bridge').getByTestId('bridge-state')).toHaveAttribute(
      'data-state',
      'running',
    );
    expect(await curlLoginCode(port, USER, password)).not.toBe(0);
    await expect(page.getByTestId('notice-bridge-needs-sign-in')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('header-bridge').getByTestId('bridge-state')).toHaveAttribute(
      'data-state',
      'needs-sign-in',
    );
    await expect.poll(async () => (await app.state()).notifications.length).toBeGreaterThan(0);
    await axe(page, `${lang}: needs sign-in banner`);
    await shootBoth(page, `bridge-${lang}-6-needs-sign-in`);

    // The banner's one action: sign in again as the mailbox user. The bridge heals without a restart.
    await page
      .getByTestId('notice-bridge-needs-sign-in')
      .getByRole('button', { name: t('bridge:banner.action') })
      .click();
    await signInHere(page, app, idp, false);
    await expect(page.getByTestId('notice-bridge-needs-sign-in')).toHaveCount(0);
    expect(await curlFetch(port, USER, password, 1)).toContain('Subject: Rechnung 1');
    await expect(page.getByTestId('header-bridge').getByTestId('bridge-state')).toHaveAttribute(
      'data-state',
      'running',
    );

    // Keyboard only, after the restart: the generated password is gone from memory, so the test asks for the one
    // agorum core has; Tab reaches the field, typing and Enter run the test.
    await openBridgeStep(page, lang, 'bridgeTest');
    await expect(page.getByText(t('bridge:test.passwordHintTyped'))).toBeVisible();
    await tabTo(page, page.getByTestId('bridge-test-password'));
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('bridge-test-success')).toBeVisible();
  });
}
