/** What a user does in the wizard, step by step, shared by the wizard and accessibility specs. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { MailboxWorld, ProcessHarness } from '@test/fixtures/harness-page';

import { type Lang, TEXT, type Texts, type WizardStep } from './wizard-texts';

export const SCREENS = 'test/artifacts/screens';

/** A screenshot of the whole step: the viewport grows for the moment so the scrolling content fits. */
export async function shootStep(page: Page, file: string): Promise<void> {
  const size = page.viewportSize()!;
  const extra = await page.evaluate(() => {
    const content = document.querySelector('.content');
    return content ? content.scrollHeight - content.clientHeight : 0;
  });
  if (extra > 0) await page.setViewportSize({ width: size.width, height: size.height + extra });
  await page.screenshot({ path: `${SCREENS}/${file}.png`, animations: 'disabled' });
  if (extra > 0) await page.setViewportSize(size);
}

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab until `target` has focus: proves it is reachable in the tab order. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached with ${max} Tab presses: ${target.toString()}`);
}

export async function useLanguage(page: Page, lang: Lang): Promise<Texts> {
  if (lang === 'en') {
    await page.getByRole('combobox', { name: TEXT.de.language }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  return TEXT[lang];
}

/** A connection the notice specs create through the contract: any server will do, nothing connects to it. */
export const DRAFT = {
  displayName: 'Rechnungseingang Nord',
  mailboxUser: 'rechnungen@nord.example',
  host: '127.0.0.1',
  port: 9993,
} as const;

/** Picks a step in the step list, the way a user jumps around. */
export async function openStep(page: Page, L: Texts, step: WizardStep): Promise<void> {
  await page.getByRole('navigation', { name: L.stepsNav }).locator(`[data-step=${step}]`).click();
  await expect(heading(page)).toHaveText(L.stepTitle[step]);
}

/** Creates the connection for the test mailbox: name, user, and the local Dovecot under "Server (advanced)". */
export async function createProfile(
  page: Page,
  L: Texts,
  world: MailboxWorld,
  opts: { name?: string; port?: number } = {},
): Promise<void> {
  await page.getByLabel(L.name, { exact: true }).fill(opts.name ?? 'Rechnungseingang');
  await page.getByLabel(L.user, { exact: true }).fill(world.user);
  await page.getByText(L.server, { exact: true }).click();
  await page.getByLabel(L.host, { exact: true }).fill('127.0.0.1');
  await page.getByLabel(L.port, { exact: true }).fill(String(opts.port ?? world.dovecot.imapsPort));
  await page.getByRole('button', { name: L.create, exact: true }).click();
  await expect(page.getByTestId('profile-message')).toContainText(L.created);
  await expect(page.getByTestId('profile-select')).toHaveValue(/.+/);
}

export async function confirmDone(page: Page, L: Texts): Promise<void> {
  await page.getByTestId('done-bar').getByRole('button', { name: L.done, exact: true }).click();
  await expect(page.getByTestId('done-state')).toBeVisible();
}

/** Runs the connection test with whatever the form holds and waits for its outcome. */
export async function runTest(page: Page, L: Texts): Promise<void> {
  await page.getByTestId('test-form').getByRole('button', { name: L.runTest, exact: true }).click();
  await expect(page.getByTestId('test-stages').locator('[data-status=running]')).toHaveCount(0, { timeout: 20_000 });
}

export async function profileIds(page: Page): Promise<string[]> {
  const r = await page.evaluate(() => window.assistant!.listProfiles());
  if (!r.ok) throw new Error(r.error.message);
  return r.value.map((p) => p.id);
}

/** Every file under `dir` whose bytes contain `needle` (UTF-8, UTF-16LE or base64). */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const forms = [
    Buffer.from(needle, 'utf8'),
    Buffer.from(needle, 'utf16le'),
    Buffer.from(Buffer.from(needle).toString('base64')),
  ];
  const hits: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        // An atomic write's temporary file may be renamed away between listing and reading: it is the file it
        // became, which the walk reads too (or the next one will).
        const bytes = await readFile(full).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return Buffer.alloc(0);
          throw err;
        });
        if (forms.some((f) => bytes.includes(f))) hits.push(full);
      }
    }
  };
  await walk(dir);
  return hits;
}

export async function lastPortalOpen(wizard: ProcessHarness) {
  const state = await wizard.state();
  return state.windows.filter((w) => w.kind === 'portal').at(-1);
}

/** axe-core (WCAG 2.1 AA and best practice) on what the page shows now: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // Only violations are reported back: passes and incompletes would cost most of the run's time in serialisation.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}
