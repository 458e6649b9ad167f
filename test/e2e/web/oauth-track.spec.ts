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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { KEYCHAIN_SERVICE } from '@core/vault/keychain';
import { expect, type Page, test as base } from '@playwright/test';
import { HANDOVER_LABELS, HANDOVER_NOTE } from '@shared/oauth/handover';
import { createTestPki, type TestPki } from '@test/fixtures/certs';
import type { DovecotServer } from '@test/fixtures/dovecot';
import { startOAuthDovecot } from '@test/fixtures/dovecot-oauth';
import { ProcessHarness, waitForShell } from '@test/fixtures/harness-page';
import { EXCHANGE, EXCHANGE_AUTH_REFUSED, imapResponder } from '@test/fixtures/imap-responder';
import { type KeyringSession, startKeyringSession } from '@test/fixtures/keyring-session';
import { type OidcProvider, startOidcProvider, TEST_CLIENT_ID } from '@test/fixtures/oidc-provider';
import { type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';

import { filesContaining, heading, shootStep } from './wizard-helpers';
import { TEXT } from './wizard-texts';

const USER = 'imap@contoso.example';
const L = TEXT.de;

interface OAuthWorld {
  keyring: KeyringSession;
  pki: TestPki;
  idp: OidcProvider;
  dovecot: DovecotServer;
  /** Plays Exchange Online for the password track: its greeting, and "NO AUTHENTICATE failed." for every password. */
  exchange: ScriptedServer;
  env: NodeJS.ProcessEnv;
}

const test = base.extend<{ dataDir: string; app: ProcessHarness }, { world: OAuthWorld }>({
  world: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const keyring = await startKeyringSession('unlocked');
      const pki = await createTestPki();
      const idp = await startOidcProvider({ pki, users: [{ username: USER }] });
      const dovecot = await startOAuthDovecot(idp, {
        users: [USER],
        messages: ['Subject: Rechnung 1\n\nEins.\n', 'Subject: Rechnung 2\n\nZwei.\n'],
        certificate: { cert: pki.valid, ca: pki.ca.cert },
      });
      const exchange = await startScriptedImap({
        tls: pki.valid,
        script: imapResponder({ ...EXCHANGE, auth: EXCHANGE_AUTH_REFUSED }),
      });
      const caFile = path.join(pki.dir, 'oauth-e2e-ca.pem');
      writeFileSync(caFile, pki.ca.cert);
      const env = { ...keyring.env, NODE_EXTRA_CA_CERTS: caFile, MAILADAPTER_OAUTH_AUTHORITY_HOST: idp.host };
      await use({ keyring, pki, idp, dovecot, exchange, env });
      await exchange.close();
      await dovecot.stop();
      await idp.stop();
      await pki.dispose();
      await keyring.stop();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assistant-oauth-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir, world }, use) => {
    const harness = await ProcessHarness.start({ dataDir, env: world.env });
    await use(harness);
    await harness.close();
  },
});

const part = (page: Page, name: string) => page.getByTestId(`oauth-part-${name}`);
const stepList = (page: Page) => page.getByRole('navigation', { name: L.stepsNav });

/** The step titles of the modern-auth track as the step list and the headings show them. */
const MA = {
  registration: 'App in Entra registrieren',
  ids: 'IDs eintragen',
  signIn: 'Als Postfachbenutzer anmelden',
  test: 'Mit XOAUTH2 testen',
  handover: 'Werte für den Mail-Adapter',
};

/** Jumps to a step through the step list and checks its heading and its place in the track ("Schritt n von 7"). */
async function openOAuthStep(page: Page, id: string, title: string, n: number): Promise<void> {
  await stepList(page).locator(`[data-step=${id}]`).click();
  await expect(heading(page)).toHaveText(title);
  await expect(page.getByTestId('step-eyebrow')).toHaveText(`Schritt ${n} von 7`);
}

/** The last sign-in page the app handed to the "system browser". */
async function lastExternal(app: ProcessHarness): Promise<string | undefined> {
  return (await app.state()).windows.filter((w) => w.kind === 'external').at(-1)?.url;
}

/** Plays the system browser: waits for the app to open the sign-in page, then signs in there. */
async function signInInBrowser(app: ProcessHarness, idp: OidcProvider, before: string | undefined): Promise<void> {
  await expect.poll(() => lastExternal(app), { timeout: 15_000 }).not.toBe(before);
  const url = (await lastExternal(app))!;
  expect(url.startsWith(`https://${idp.host}/authorize?`)).toBe(true);
  const answer = await idp.browse(url);
  expect(answer).toMatchObject({ kind: 'delivered', status: 200 });
}

/** WCAG 2.1 AA + best practice: no serious or critical finding on what the page shows now. */
async function axe(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, where).toEqual([]);
}

/** Creates a connection the way the profile step does: name, mailbox user, and the local server's address. */
async function createConnection(page: Page, name: string, port: number): Promise<void> {
  await page.getByRole('navigation', { name: L.stepsNav }).locator('[data-step=profile]').click();
  await page.getByLabel(L.name, { exact: true }).fill(name);
  await page.getByLabel(L.user, { exact: true }).fill(USER);
  await page.getByText(L.server, { exact: true }).click();
  await page.getByLabel(L.host, { exact: true }).fill('127.0.0.1');
  await page.getByLabel(L.port, { exact: true }).fill(String(port));
  await page.getByRole('button', { name: L.create, exact: true }).click();
  await expect(page.getByTestId('profile-message')).toContainText(L.created);
}

async function open(page: Page, app: ProcessHarness): Promise<void> {
  await page.goto(app.url);
  await waitForShell(page);
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
  await expect(choice.getByTestId('track-reason')).toContainText('kein Exchange-Online-Server');
  await axe(page, 'profile step with the track choice');
  await choice.getByRole('radio', { name: /Moderne Authentifizierung \(OAuth 2\.0\)/ }).check();
  // The step list now walks the modern-auth track, and says so where the choice was made.
  await expect(choice.getByTestId('track-choice-status')).toHaveText(
    'Die Schrittliste zeigt jetzt die Schritte für „Moderne Authentifizierung (OAuth 2.0)“.',
  );
  await expect(stepList(page).locator('[data-step=securityDefaults]')).toHaveCount(0);
  await expect(stepList(page).locator('[data-step=oauthRegistration]')).toBeVisible();
  await expect(page.getByTestId('step-eyebrow')).toHaveText('Schritt 1 von 7');

  // The Microsoft-side parts: Open goes to Entra's App registrations in the administrator's session; each part is
  // confirmed, and the step counts them.
  await openOAuthStep(page, 'oauthRegistration', MA.registration, 3);
  await part(page, 'register').getByRole('button', { name: 'App-Registrierungen in Entra öffnen' }).click();
  await expect
    .poll(async () => (await app.state()).windows.filter((w) => w.kind === 'portal').at(-1))
    .toMatchObject({
      purpose: 'admin',
      url: expect.stringMatching(/^https:\/\/entra\.microsoft\.com\/#view\/Microsoft_AAD_RegisteredApps\//),
    });
  await expect(part(page, 'register').getByRole('img', { name: /Anwendung registrieren/ })).toBeVisible();
  const registrationItem = stepList(page).locator('[data-step=oauthRegistration]');
  for (const [i, id] of ['oauthRegister', 'oauthPlatform', 'oauthPermissions'].entries()) {
    await page.getByTestId(`part-done-${id}`).getByRole('button', { name: 'Erledigt' }).click();
    await expect(page.getByTestId(`part-done-${id}`)).toContainText('Erledigt am');
    if (i < 2) await expect(registrationItem).toContainText(`${i + 1} von 3 erledigt`);
  }
  await expect(registrationItem).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('step-status')).toContainText('Erledigt ·');
  await shootStep(page, 'oauth-de-1-registration');

  // IDs: a client ID that is no GUID is refused inline; the right ones are saved, which completes the step.
  await page.getByTestId('next-step').click();
  await expect(heading(page)).toHaveText(MA.ids);
  const ids = page.getByTestId('oauth-ids-form');
  await ids.getByRole('textbox', { name: 'Anwendungs-ID (Client)' }).fill('contoso-app');
  await ids.getByRole('textbox', { name: 'Verzeichnis-ID (Mandant)' }).fill('common');
  await ids.getByRole('button', { name: 'IDs speichern' }).click();
  await expect(ids).toContainText('Die Anwendungs-ID ist eine GUID');
  await expect(ids).toContainText('„common“, „organizations“ und „consumers“');
  await ids.getByRole('textbox', { name: 'Anwendungs-ID (Client)' }).fill(TEST_CLIENT_ID);
  await ids.getByRole('textbox', { name: 'Verzeichnis-ID (Mandant)' }).fill(idp.tenantId);
  await ids.getByRole('button', { name: 'IDs speichern' }).click();
  await expect(ids).toContainText('Gespeichert.');
  await expect(stepList(page).locator('[data-step=oauthIds]')).toHaveAttribute('data-status', 'done');
  await shootStep(page, 'oauth-de-2-ids');

  // A sign-in error is a diagnosis: consent missing, with the way back to the permissions part.
  await page.getByTestId('next-step').click();
  await expect(heading(page)).toHaveText(MA.signIn);
  const signIn = part(page, 'signIn');
  idp.failNext({ at: 'authorize', aadsts: 65001, error: 'invalid_client' });
  let before = await lastExternal(app);
  await signIn.getByRole('button', { name: 'Als Postfachbenutzer anmelden' }).click();
  await signInInBrowser(app, idp, before);
  await expect(signIn.getByTestId('signin-diagnosis')).toContainText('Zustimmung fehlt');
  await expect(signIn.getByTestId('signin-diagnosis-code')).toHaveText('AADSTS65001');
  // A code read off the browser's error page gets the same kind of guidance (folded away until needed).
  await signIn.getByText('Der Browser zeigt einen Fehlercode?').click();
  await signIn.getByLabel(/Fehlercode \(AADSTS…\)/).fill('AADSTS50011');
  await signIn.getByRole('button', { name: 'Erklären' }).click();
  await expect(signIn.getByTestId('aadsts-lookup-result')).toContainText('Umleitungsadresse nicht registriert');
  await axe(page, 'sign-in step with sign-in diagnoses');
  await shootStep(page, 'oauth-de-3-sign-in-diagnosis');
  // "Back to the permissions" opens the registration step on that part, with focus on its heading.
  await signIn
    .getByTestId('signin-diagnosis')
    .getByRole('button', { name: 'Zum Teilschritt „API-Berechtigungen“' })
    .click();
  await expect(heading(page)).toHaveText(MA.registration);
  await expect(page.locator('#oauth-part-permissions')).toBeFocused();
  await openOAuthStep(page, 'oauthSignIn', MA.signIn, 5);

  // Sign-in as the mailbox user through the "system browser". Its access token lives 3 s only.
  idp.accessTokenTtl = 3;
  before = await lastExternal(app);
  await signIn.getByRole('button', { name: 'Als Postfachbenutzer anmelden' }).click();
  await expect(signIn.getByTestId('oauth-waiting')).toBeVisible();
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
  await testPart.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('Die Verbindung war erfolgreich.');
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('Im Posteingang liegen 2 Nachrichten.');
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('still erneuert');
  expect(idp.tokenRequests.filter((r) => r.grant === 'refresh_token')).toHaveLength(refreshes + 1);
  await expect(stepList(page).locator('[data-step=oauthTest]')).toHaveAttribute('data-status', 'done');
  await shootStep(page, 'oauth-de-4-tested');
  await axe(page, 'XOAUTH2 test passed');

  // A second test uses the access token held in memory: no refresh.
  await testPart.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(testPart.getByTestId('oauth-test-success')).toBeVisible();
  await expect(testPart.getByTestId('oauth-test-success')).not.toContainText('still erneuert');
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
  await expect(handover).toContainText('OAuth-fähiger');

  // The setup report carries the same values, labelled as what an OAuth-capable adapter needs — and no token.
  await page.getByRole('button', { name: 'Bericht exportieren' }).click();
  await expect(page.getByTestId('report-message')).toContainText('Gespeichert unter');
  const reportPath = (await app.state()).saveDialogs.at(-1)!.path!;
  const report = readFileSync(reportPath, 'utf8');
  const section = /<section data-section="handover">([\s\S]*?)<\/section>/.exec(report)?.[1] ?? '';
  expect(section).toContain('<h2>Übergabe: Werte für einen OAuth-fähigen Mail-Adapter</h2>');
  expect(section).toContain(`<p class="hint">${HANDOVER_NOTE.de}</p>`);
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
    expect(section, key).toContain(`<dt>${HANDOVER_LABELS[key].de}</dt><dd><code>${value}</code></dd>`);
  }
  expect(report).toContain('<dt>Weg</dt><dd>Moderne Authentifizierung (OAuth 2.0)</dd>');
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
  await part(page, 'test').getByRole('button', { name: 'Verbindung testen' }).click();
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
  await part(page, 'test').getByRole('button', { name: 'Token erneuern und erneut testen' }).click();
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

test('for an Exchange Online host the assistant recommends modern authentication and says why', async ({
  page,
  app,
}) => {
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
  // Until a route is chosen the list shows the documented procedure; the route box under it recommends the other.
  const routeBox = page.getByTestId('track-switch');
  await expect(routeBox).toContainText('Für outlook.office365.com empfohlen: moderne Authentifizierung (OAuth 2.0)');
  await routeBox.getByRole('button', { name: 'Weg wählen' }).click();
  await expect(heading(page)).toHaveText('Weg wählen');
  await expect(page.getByTestId('step-eyebrow')).toHaveText('Weg dieser Verbindung');
  await expect(page.getByTestId('track-choice').locator('[data-track=modern-auth]')).toContainText('Empfohlen');
  await expect(page.getByTestId('track-reason')).toContainText(
    'Exchange Online lehnt seit Januar 2023 jede IMAP-Anmeldung mit Passwort ab',
  );
  await expect(page.getByTestId('track-choice').locator('[data-track=app-password]')).not.toContainText('Empfohlen');
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
    .getByRole('radio', { name: /App-Kennwort \(Dokumentation 2022\)/ })
    .check();
  await expect(page.getByTestId('track-switch')).toContainText('App-Kennwort (Dokumentation 2022)');

  await stepList(page).locator('[data-step=test]').click();
  await page.getByLabel(L.password, { exact: true }).fill('abcdefghijklmnop');
  await page.getByTestId('test-form').getByRole('button', { name: L.runTest, exact: true }).click();
  await expect(page.getByTestId('diagnosis-card')).toHaveAttribute('data-code', 'AUTH_FAILED');
  const offer = page.getByTestId('switch-offer');
  await expect(offer).toContainText('Mit App-Kennwort klappt es bei Exchange Online nicht mehr');
  await offer.getByRole('button', { name: 'Zur modernen Authentifizierung wechseln' }).click();

  // The modern-auth track continues where its own work starts; the list follows.
  await expect(heading(page)).toHaveText(MA.registration);
  await expect(stepList(page).locator('[data-step=test]')).toHaveCount(0);
  await expect(page.getByTestId('track-switch')).toContainText('Moderne Authentifizierung (OAuth 2.0)');
  // Same profile: the hand-over already names its host and user once the IDs are in.
  await openOAuthStep(page, 'oauthIds', MA.ids, 4);
  const ids = page.getByTestId('oauth-ids-form');
  await ids.getByRole('textbox', { name: 'Anwendungs-ID (Client)' }).fill(TEST_CLIENT_ID);
  await ids.getByRole('textbox', { name: 'Verzeichnis-ID (Mandant)' }).fill(world.idp.tenantId);
  await ids.getByRole('button', { name: 'IDs speichern' }).click();
  await expect(ids).toContainText('Gespeichert.');
  await openOAuthStep(page, 'oauthHandover', MA.handover, 7);
  await expect(page.getByTestId('handover-imapPort')).toContainText(String(world.exchange.port));
  await expect(page.getByTestId('handover-user')).toContainText(USER);
});
