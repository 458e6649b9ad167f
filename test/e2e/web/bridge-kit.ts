/**
 * What the bridge specs share: walking a connection to the bridge route's own steps (route choice, the Entra parts,
 * the IDs, the sign-in through the local OpenID provider), a real third-party IMAP client (curl from Debian), and
 * screenshots at the two window sizes the README promises.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { Page } from '@playwright/test';
import { stepTitleKey, trackTitleKey } from '@shared/text/titles';
import type { ProcessHarness } from '@test/fixtures/harness-page';
import type { OidcProvider } from '@test/fixtures/oidc-provider';
import { TEST_CLIENT_ID } from '@test/fixtures/oidc-provider';

import { asPattern, createConnection, expect, lastExternal, part, signInInBrowser } from './oauth-kit';
import { heading, shootStep } from './wizard-helpers';
import { de, type Lang, textIn } from './wizard-texts';

const run = promisify(execFile);

export const BRIDGE = de(trackTitleKey('bridge'));
/** A step in the step list, whatever the page's language. */
export const stepOf = (page: Page, id: string) => page.locator(`nav.step-list [data-step=${id}]`);

/** Opens a step of the bridge route through the step list and checks its heading in the page's language. */
export async function openBridgeStep(page: Page, lang: Lang, id: Parameters<typeof stepTitleKey>[0]): Promise<void> {
  await stepOf(page, id).click();
  await expect(heading(page)).toHaveText(textIn(lang)(stepTitleKey(id)));
}

/** A connection to `port` on the bridge route, registered, with its IDs and signed in as the mailbox user. */
export async function connectionOnBridgeRoute(
  page: Page,
  app: ProcessHarness,
  idp: OidcProvider,
  name: string,
  port: number,
): Promise<string> {
  await createConnection(page, name, port);
  const choice = page.getByTestId('profile-track-choice');
  await choice.getByRole('radio', { name: asPattern(BRIDGE) }).check();
  await expect(choice.getByTestId('track-choice-status')).toHaveText(de('oauth:track.listNow', { title: BRIDGE }));
  // The route's list: the registration, IDs and sign-in it shares with modern authentication, then its own four.
  await expect(stepOf(page, 'oauthTest')).toHaveCount(0);
  await expect(stepOf(page, 'bridgeTest')).toBeVisible();
  await expect(page.getByTestId('step-eyebrow')).toHaveText(de('wizard:stepOf', { n: 1, total: 9 }));

  await openBridgeStep(page, 'de', 'oauthRegistration');
  for (const id of ['oauthRegister', 'oauthPlatform', 'oauthPermissions']) {
    await page
      .getByTestId(`part-done-${id}`)
      .getByRole('button', { name: de('oauth:done.confirm') })
      .click();
  }
  await expect(stepOf(page, 'oauthRegistration')).toHaveAttribute('data-status', 'done');
  await openBridgeStep(page, 'de', 'oauthIds');
  const ids = page.getByTestId('oauth-ids-form');
  await ids.getByRole('textbox', { name: de('oauth:ids.clientId') }).fill(TEST_CLIENT_ID);
  await ids.getByRole('textbox', { name: de('oauth:ids.tenant') }).fill(idp.tenantId);
  await ids.getByRole('button', { name: de('oauth:ids.save') }).click();
  await expect(ids).toContainText(de('oauth:ids.saved'));
  await openBridgeStep(page, 'de', 'oauthSignIn');
  await signInHere(page, app, idp);
  const profiles = (await page.evaluate(() => window.assistant!.listProfiles())) as { value: { id: string }[] };
  return profiles.value.at(-1)!.id;
}

/** Signs in on the sign-in step through the "system browser" and waits until main holds the sign-in. */
export async function signInHere(page: Page, app: ProcessHarness, idp: OidcProvider, click = true): Promise<void> {
  const before = await lastExternal(app);
  if (click) await startButton(page).click();
  await signInInBrowser(app, idp, before);
  await expect(part(page, 'signIn').getByTestId('oauth-signed-in')).toBeVisible();
}

/** "Anmelden" / "Erneut anmelden" in either language. */
const SIGN_IN_BUTTON = new RegExp(
  `^(${(['de', 'en'] as const)
    .flatMap((l) => [textIn(l)('oauth:signIn.start'), textIn(l)('oauth:signIn.again')])
    .map((s) => asPattern(s).source)
    .join('|')})$`,
);
const startButton = (page: Page) => part(page, 'signIn').getByRole('button', { name: SIGN_IN_BUTTON });

/** curl, a client nobody here wrote, reads one message through the bridge with agorum's values. */
export async function curlFetch(port: number, user: string, password: string, uid = 1): Promise<string> {
  const { stdout } = await run(
    'curl',
    [
      '--silent',
      '--show-error',
      '--max-time',
      '20',
      '--user',
      `${user}:${password}`,
      `imap://127.0.0.1:${port}/INBOX;UID=${uid}`,
    ],
    { timeout: 30_000 },
  );
  return stdout;
}

/** curl's exit code for a refused login (67) or any other failure, without throwing. */
export async function curlLoginCode(port: number, user: string, password: string): Promise<number> {
  try {
    await curlFetch(port, user, password);
    return 0;
  } catch (err) {
    return (err as { code?: number }).code ?? -1;
  }
}

/** The step as a person sees it, at the desktop size and at the smallest supported window. */
export async function shootBoth(page: Page, file: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: 860 });
  await shootStep(page, `${file}-1280`);
  await page.setViewportSize({ width: 900, height: 600 });
  await shootStep(page, `${file}-900`);
  await page.setViewportSize(size);
}
