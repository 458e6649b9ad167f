/**
 * The modern-authentication world the OAuth specs share: a real keychain, a local OpenID provider, Dovecot that
 * checks its tokens, an Exchange-like server for the password route, the app as its own process — and the steps a
 * spec takes through the track (open a step, play the system browser, create a connection, run axe).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test as base } from '@playwright/test';
import { stepTitleKey, trackTitleKey } from '@shared/text/titles';
import { createTestPki, type TestPki } from '@test/fixtures/certs';
import type { DovecotServer } from '@test/fixtures/dovecot';
import { startOAuthDovecot } from '@test/fixtures/dovecot-oauth';
import { ProcessHarness, waitForShell } from '@test/fixtures/harness-page';
import { EXCHANGE, EXCHANGE_AUTH_REFUSED, imapResponder } from '@test/fixtures/imap-responder';
import { type KeyringSession, startKeyringSession } from '@test/fixtures/keyring-session';
import { type OidcProvider, startOidcProvider } from '@test/fixtures/oidc-provider';
import { type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';

import { heading } from './wizard-helpers';
import { de, TEXT } from './wizard-texts';

export const USER = 'imap@contoso.example';
export const L = TEXT.de;

interface OAuthWorld {
  keyring: KeyringSession;
  pki: TestPki;
  idp: OidcProvider;
  dovecot: DovecotServer;
  /** Plays Exchange Online for the password track: its greeting, and "NO AUTHENTICATE failed." for every password. */
  exchange: ScriptedServer;
  env: NodeJS.ProcessEnv;
}

export const test = base.extend<{ dataDir: string; app: ProcessHarness }, { world: OAuthWorld }>({
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

export const part = (page: Page, name: string) => page.getByTestId(`oauth-part-${name}`);
export const stepList = (page: Page) => page.getByRole('navigation', { name: L.stepsNav });

/** The step titles of the modern-auth track as the step list and the headings show them. */
export const MA = {
  registration: de(stepTitleKey('oauthRegistration')),
  ids: de(stepTitleKey('oauthIds')),
  signIn: de(stepTitleKey('oauthSignIn')),
  test: de(stepTitleKey('oauthTest')),
  handover: de(stepTitleKey('oauthHandover')),
};
export const MODERN_AUTH = de(trackTitleKey('modern-auth'));
export const asPattern = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** Jumps to a step through the step list and checks its heading and its place in the track ("Schritt n von 7"). */
export async function openOAuthStep(page: Page, id: string, title: string, n: number): Promise<void> {
  await stepList(page).locator(`[data-step=${id}]`).click();
  await expect(heading(page)).toHaveText(title);
  await expect(page.getByTestId('step-eyebrow')).toHaveText(de('wizard:stepOf', { n, total: 7 }));
}

/** The last sign-in page the app handed to the "system browser". */
export async function lastExternal(app: ProcessHarness): Promise<string | undefined> {
  return (await app.state()).windows.filter((w) => w.kind === 'external').at(-1)?.url;
}

/** Plays the system browser: waits for the app to open the sign-in page, then signs in there. */
export async function signInInBrowser(
  app: ProcessHarness,
  idp: OidcProvider,
  before: string | undefined,
): Promise<void> {
  await expect.poll(() => lastExternal(app), { timeout: 15_000 }).not.toBe(before);
  const url = (await lastExternal(app))!;
  expect(url.startsWith(`https://${idp.host}/authorize?`)).toBe(true);
  const answer = await idp.browse(url);
  expect(answer).toMatchObject({ kind: 'delivered', status: 200 });
}

/** WCAG 2.1 AA + best practice: no serious or critical finding on what the page shows now. */
export async function axe(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, where).toEqual([]);
}

/** Creates a connection the way the profile step does: name, mailbox user, and the local server's address. */
export async function createConnection(page: Page, name: string, port: number): Promise<void> {
  await page.getByRole('navigation', { name: L.stepsNav }).locator('[data-step=profile]').click();
  await page.getByLabel(L.name, { exact: true }).fill(name);
  await page.getByLabel(L.user, { exact: true }).fill(USER);
  await page.getByText(L.server, { exact: true }).click();
  await page.getByLabel(L.host, { exact: true }).fill('127.0.0.1');
  await page.getByLabel(L.port, { exact: true }).fill(String(port));
  await page.getByRole('button', { name: L.create, exact: true }).click();
  await expect(page.getByTestId('profile-message')).toContainText(L.created);
}

export async function open(page: Page, app: ProcessHarness): Promise<void> {
  await page.goto(app.url);
  await waitForShell(page);
}

export { expect };
