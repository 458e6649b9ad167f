/**
 * The modern-authentication track in Chromium through the harness, as an admin walks it: track choice, the three
 * Entra registration parts confirmed, the IDs entered (a wrong one refused), sign-in as the mailbox user through
 * the local OIDC provider (the test plays the system browser), the XOAUTH2 test against Dovecot, a tampered token
 * diagnosed, a silent refresh after expiry, a restart that keeps the sign-in (keychain), a sign-in error as a
 * diagnosis, sign-out removing the keychain entry — and no token in any file the app wrote.
 *
 * The app runs as its own process (ProcessHarness) with MAILADAPTER_OAUTH_AUTHORITY_HOST pointing MSAL at the local
 * provider and NODE_EXTRA_CA_CERTS trusting the test CA, as an admin machine would trust a company CA.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEYCHAIN_SERVICE } from '../../../main/core/vault/keychain';
import { createTestPki, type TestPki } from '../../fixtures/certs';
import type { DovecotServer } from '../../fixtures/dovecot';
import { startOAuthDovecot } from '../../fixtures/dovecot-oauth';
import { ProcessHarness, waitForShell } from '../../fixtures/harness-page';
import { startKeyringSession, type KeyringSession } from '../../fixtures/keyring-session';
import { startOidcProvider, TEST_CLIENT_ID, type OidcProvider } from '../../fixtures/oidc-provider';
import { EXCHANGE_CAPABILITIES, EXCHANGE_GREETING, imapResponder, startScriptedImap, type ScriptedServer } from '../../fixtures/scripted-imap';
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
        script: imapResponder({ greeting: EXCHANGE_GREETING, capabilities: EXCHANGE_CAPABILITIES, auth: ['{tag} NO AUTHENTICATE failed.'] }),
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
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
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

test('modern-auth track: registration, sign-in, XOAUTH2 test, refresh, restart, sign-out', async ({ page, app, world, dataDir }) => {
  test.setTimeout(180_000);
  const { idp, keyring } = world;
  await open(page, app);

  // A connection to the local Dovecot.
  await createConnection(page, 'Rechnungseingang', world.dovecot.imapsPort);
  const profileId = ((await page.evaluate(() => window.assistant!.listProfiles())) as { ok: true; value: { id: string }[] }).value[0]!.id;
  const keychainAccount = `${profileId}:oauth-refresh-token`;

  // Track choice at the start of the profile; 127.0.0.1 is no Exchange host, so the assistant says why.
  const choice = page.getByTestId('profile-track-choice');
  await expect(choice.getByTestId('track-reason')).toContainText('kein Exchange-Online-Server');
  await axe(page, 'profile step with the track choice');
  await choice.getByRole('radio', { name: /Moderne Authentifizierung \(OAuth 2\.0\)/ }).check();
  await choice.getByRole('button', { name: 'Weiter mit der modernen Authentifizierung' }).click();
  await expect(heading(page)).toHaveText('Moderne Authentifizierung (OAuth 2.0)');

  // The Microsoft-side parts: Open goes to Entra in the administrator's session; each part is confirmed.
  await part(page, 'register').getByRole('button', { name: 'Entra Admin Center öffnen' }).click();
  await expect.poll(async () => (await app.state()).windows.filter((w) => w.kind === 'portal').at(-1)).toMatchObject({
    purpose: 'admin',
    url: expect.stringContaining('entra.microsoft.com'),
  });
  await expect(part(page, 'register').getByRole('img', { name: /Anwendung registrieren/ })).toBeVisible();
  for (const id of ['oauthRegister', 'oauthPlatform', 'oauthPermissions']) {
    await page.getByTestId(`part-done-${id}`).getByRole('button', { name: 'Erledigt' }).click();
    await expect(page.getByTestId(`part-done-${id}`)).toContainText('Erledigt am');
  }
  await shootStep(page, 'oauth-de-1-registration');

  // IDs: a client ID that is no GUID is refused inline; the right ones are saved.
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

  // A sign-in error is a diagnosis: consent missing, with the way back to the permissions part.
  const signIn = part(page, 'signIn');
  idp.failNext({ at: 'authorize', aadsts: 65001, error: 'invalid_client' });
  let before = await lastExternal(app);
  await signIn.getByRole('button', { name: 'Als Postfachbenutzer anmelden' }).click();
  await signInInBrowser(app, idp, before);
  await expect(signIn.getByTestId('signin-diagnosis')).toContainText('Zustimmung fehlt');
  await expect(signIn.getByTestId('signin-diagnosis-code')).toHaveText('AADSTS65001');
  await expect(signIn.getByRole('button', { name: 'Zum Teilschritt „API-Berechtigungen“' })).toBeVisible();
  // A code read off the browser's error page gets the same kind of guidance.
  await signIn.getByLabel(/Fehlercode \(AADSTS…\)/).fill('AADSTS50011');
  await signIn.getByRole('button', { name: 'Erklären' }).click();
  await expect(signIn.getByTestId('aadsts-lookup-result')).toContainText('Umleitungsadresse nicht registriert');
  await axe(page, 'modern-auth step with sign-in diagnoses');

  // Sign-in as the mailbox user through the "system browser". Its access token lives 3 s only.
  idp.accessTokenTtl = 3;
  before = await lastExternal(app);
  await signIn.getByRole('button', { name: 'Als Postfachbenutzer anmelden' }).click();
  await expect(signIn.getByTestId('oauth-waiting')).toBeVisible();
  await signInInBrowser(app, idp, before);
  await expect(signIn.getByTestId('oauth-signed-in')).toContainText(`Angemeldet als ${USER}`);
  await expect(signIn.getByTestId('oauth-signed-in')).toContainText('Schlüsselbund');
  // The keychain holds the bare refresh token (the last token the provider issued), nothing else.
  expect(await keyring.lookup(KEYCHAIN_SERVICE, keychainAccount)).toBe(idp.issuedSecrets.at(-1));

  // XOAUTH2 test once the sign-in's token has expired: renewed silently, success, and the step confirms itself.
  idp.accessTokenTtl = 3600;
  await page.waitForTimeout(3500);
  const refreshes = idp.tokenRequests.filter((r) => r.grant === 'refresh_token').length;
  const testPart = part(page, 'test');
  await testPart.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('Die Verbindung war erfolgreich.');
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('Im Posteingang liegen 2 Nachrichten.');
  await expect(testPart.getByTestId('oauth-test-success')).toContainText('still erneuert');
  expect(idp.tokenRequests.filter((r) => r.grant === 'refresh_token')).toHaveLength(refreshes + 1);
  await expect(page.getByRole('navigation', { name: L.stepsNav }).locator('[data-step=modernAuth]')).toHaveAttribute('data-status', 'done');

  // Hand-over values with copy buttons (the harness clipboard stands in for the OS one).
  const handover = part(page, 'handover');
  await expect(handover.getByTestId('handover-clientId')).toContainText(TEST_CLIENT_ID);
  await expect(handover.getByTestId('handover-scopes')).toContainText('https://outlook.office.com/IMAP.AccessAsUser.All offline_access');
  await expect(handover.getByTestId('handover-redirectUri')).toContainText('http://localhost');
  await handover.getByTestId('handover-tenantId').getByRole('button').click();
  await expect.poll(async () => (await app.state()).clipboard).toBe(idp.tenantId);
  await expect(handover).toContainText('OAuth-fähiger');
  await shootStep(page, 'oauth-de-2-signed-in-tested');
  await axe(page, 'modern-auth step signed in and tested');

  // A second test uses the access token held in memory: no refresh.
  await testPart.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(testPart.getByTestId('oauth-test-success')).toBeVisible();
  await expect(testPart.getByTestId('oauth-test-success')).not.toContainText('still erneuert');
  expect(idp.tokenRequests.filter((r) => r.grant === 'refresh_token')).toHaveLength(refreshes + 1);

  // Restart: nothing in memory survives, the sign-in comes back from the keychain. The provider now hands out a
  // tampered token: the server refuses it and the diagnosis explains; renewing after the fix passes again.
  idp.tamperAccessTokens = true;
  await app.restart();
  await open(page, app);
  await page.getByRole('navigation', { name: L.stepsNav }).locator('[data-step=modernAuth]').click();
  await expect(part(page, 'signIn').getByTestId('oauth-signed-in')).toContainText(`Angemeldet als ${USER}`);
  await part(page, 'test').getByRole('button', { name: 'Verbindung testen' }).click();
  const diagnosis = part(page, 'test').getByTestId('oauth-test-diagnosis');
  await expect(diagnosis).toHaveAttribute('data-code', 'AUTH_FAILED');
  await expect(diagnosis.getByTestId('diagnosis-causes').locator('li').first()).toHaveAttribute('data-cause', 'imap-disabled-for-mailbox');
  expect(idp.introspections.at(-1)).toMatchObject({ active: false, reason: 'bad-signature' });
  await shootStep(page, 'oauth-de-3-tampered-token');
  await axe(page, 'modern-auth step with the token diagnosis');
  idp.tamperAccessTokens = false;
  await part(page, 'test').getByRole('button', { name: 'Token erneuern und erneut testen' }).click();
  await expect(part(page, 'test').getByTestId('oauth-test-success')).toContainText('Die Verbindung war erfolgreich.');

  // Sign-out deletes the keychain entry.
  await part(page, 'signIn').getByTestId('oauth-sign-out').click();
  await expect(part(page, 'signIn').getByTestId('oauth-not-signed-in')).toBeVisible();
  expect(await keyring.lookup(KEYCHAIN_SERVICE, keychainAccount)).toBeNull();

  // No token the provider issued is in any file the app wrote (store, oauth.json, logs, reports).
  await app.close();
  expect(idp.issuedSecrets.length).toBeGreaterThan(4);
  for (const secret of idp.issuedSecrets) expect(await filesContaining(dataDir, secret)).toEqual([]);
});

test('for an Exchange Online host the assistant recommends modern authentication and says why', async ({ page, app }) => {
  await open(page, app);
  const created = await page.evaluate(() =>
    window.assistant!.createProfile({ displayName: 'Exchange', mailboxUser: 'imap@contoso.example', host: 'outlook.office365.com' }),
  );
  expect(created.ok).toBe(true);
  await page.reload();
  await waitForShell(page);
  await page.getByRole('navigation', { name: L.stepsNav }).locator('[data-step=modernAuth]').click();
  await expect(page.getByTestId('track-choice').locator('[data-track=modern-auth]')).toContainText('Empfohlen');
  await expect(page.getByTestId('track-reason')).toContainText('Exchange Online lehnt seit Januar 2023 jede IMAP-Anmeldung mit Passwort ab');
  await expect(page.getByTestId('track-choice').locator('[data-track=app-password]')).not.toContainText('Empfohlen');
});

test('a refused app password at Exchange Online offers the switch and carries the profile over', async ({ page, app, world }) => {
  await open(page, app);
  await createConnection(page, 'Exchange Online', world.exchange.port);
  await page.getByTestId('profile-track-choice').getByRole('radio', { name: /App-Kennwort \(Dokumentation 2022\)/ }).check();

  await page.getByRole('navigation', { name: L.stepsNav }).locator('[data-step=test]').click();
  await page.getByLabel(L.password, { exact: true }).fill('abcdefghijklmnop');
  await page.getByTestId('test-form').getByRole('button', { name: L.runTest, exact: true }).click();
  await expect(page.getByTestId('diagnosis-card')).toHaveAttribute('data-code', 'AUTH_FAILED');
  const offer = page.getByTestId('switch-offer');
  await expect(offer).toContainText('Mit App-Kennwort klappt es bei Exchange Online nicht mehr');
  await offer.getByRole('button', { name: 'Zur modernen Authentifizierung wechseln' }).click();

  await expect(heading(page)).toHaveText('Moderne Authentifizierung (OAuth 2.0)');
  await expect(page.getByTestId('track-choice').getByRole('radio', { name: /Moderne Authentifizierung/ })).toBeChecked();
  // Same profile: the hand-over already names its host and user once the IDs are in.
  const ids = page.getByTestId('oauth-ids-form');
  await ids.getByRole('textbox', { name: 'Anwendungs-ID (Client)' }).fill(TEST_CLIENT_ID);
  await ids.getByRole('textbox', { name: 'Verzeichnis-ID (Mandant)' }).fill(world.idp.tenantId);
  await ids.getByRole('button', { name: 'IDs speichern' }).click();
  await expect(page.getByTestId('handover-imapPort')).toContainText(String(world.exchange.port));
  await expect(page.getByTestId('handover-user')).toContainText(USER);
});
