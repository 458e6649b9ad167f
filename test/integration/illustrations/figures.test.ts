/**
 * Every step illustration as a person sees it: rendered in Chromium, no label may be cut off (by the figure's edge,
 * by the field, button or panel it sits in, or by a marker's outline), and the numbered markers must point at what
 * the step's numbered instructions say, in both languages. PNGs land in test/artifacts/figures/ for a look.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@test/fixtures/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clippedTexts, type MeasuredFigure, measureFigure } from './figure-geometry';
import { markerMismatches, type NumberedStep } from './figure-markers';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const assets = path.join(root, 'assets/screenshots');
const artifacts = path.join(root, 'test/artifacts/figures');
const LANGS = ['de', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** The catalogue the wizard reads its texts from: `ns:key` → string or list of strings. */
function catalogue(lang: Lang, key: string): string[] {
  const [ns, dotted] = key.includes(':') ? (key.split(':') as [string, string]) : ['wizard', key];
  const file = path.join(root, 'main/shared/text', lang, `${ns}.json`);
  let value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of dotted.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new Error(`${lang}/${key} is not a text or a list of texts`);
}

/**
 * Which numbered list each figure illustrates. A step's lists are numbered on (the per-user MFA step continues
 * its second list at 6); the IDs step has no list, its markers number the two form fields.
 */
const STEPS: { step: string; numbered: string[]; figures: string[]; everyItemMarked?: boolean }[] = [
  { step: 'securityDefaults', numbered: ['securityDefaults.instructions'], figures: ['security-defaults'] },
  {
    step: 'perUserMfa',
    numbered: ['perUserMfa.instructionsA', 'perUserMfa.instructionsB'],
    figures: ['per-user-mfa', 'mfa-service-settings'],
  },
  { step: 'appPassword', numbered: ['appPassword.instructions'], figures: ['app-password-add', 'app-password-copy'] },
  { step: 'agorum', numbered: ['agorum.instructions'], figures: ['agorum-mail-adapter'] },
  // Step 8 pictures its whole path, so every instruction has its marker.
  {
    step: 'morePasswords',
    numbered: ['morePasswords.instructions'],
    figures: ['more-passwords', 'security-info-list'],
    everyItemMarked: true,
  },
  { step: 'oauth register', numbered: ['oauth:register.instructions'], figures: ['oauth-register'] },
  { step: 'oauth platform', numbered: ['oauth:platform.instructions'], figures: ['oauth-platform'] },
  { step: 'oauth permissions', numbered: ['oauth:permissions.instructions'], figures: ['oauth-permissions'] },
  { step: 'oauth ids', numbered: ['oauth:ids.clientId', 'oauth:ids.tenant'], figures: ['oauth-ids'] },
];

const figureNames = readdirSync(path.join(assets, 'de'))
  .filter((f) => f.endsWith('.svg'))
  .map((f) => f.slice(0, -4))
  .sort();

let browser: Browser;
let page: Page;
const measured = new Map<string, MeasuredFigure>();

async function measure(lang: Lang, name: string): Promise<MeasuredFigure> {
  const key = `${lang}/${name}`;
  const known = measured.get(key);
  if (known) return known;
  const svg = readFileSync(path.join(assets, lang, `${name}.svg`), 'utf8').replace(/^<\?xml[^>]*>\s*/, '');
  // Inline, so the texts can be measured; the fonts resolve exactly as for the <img> the wizard shows.
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  const figure = await page.evaluate(measureFigure);
  mkdirSync(path.join(artifacts, lang), { recursive: true });
  await page.locator('svg').screenshot({ path: path.join(artifacts, lang, `${name}.png`) });
  measured.set(key, figure);
  return figure;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('step illustrations', () => {
  it('every figure belongs to exactly one step, and that step shows it next to the listed texts', () => {
    expect(figureNames.length).toBeGreaterThanOrEqual(12);
    expect(STEPS.flatMap((s) => s.figures).sort()).toEqual(figureNames);
    const sources = readdirSync(path.join(root, 'renderer/src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.tsx'))
      .map((f) => readFileSync(path.join(root, 'renderer/src', f), 'utf8'));
    for (const { figures, numbered } of STEPS)
      for (const figure of figures) {
        const shownBy = sources.filter((s) => s.includes(`<Illustration name="${figure}"`));
        expect(shownBy, figure).toHaveLength(1);
        for (const key of numbered) expect(shownBy[0], `${figure} with ${key}`).toContain(key.split(':').at(-1));
      }
  });

  describe.each(LANGS)('%s', (lang) => {
    it.each(figureNames)('%s: no text is cut off', async (name) => {
      const figure = await measure(lang, name);
      expect(figure.texts.length).toBeGreaterThan(10);
      expect(clippedTexts(figure)).toEqual([]);
    });

    it.each(STEPS.map((s) => [s.step, s] as const))('%s: the markers match the numbered items', async (_, s) => {
      const step: NumberedStep = {
        items: s.numbered.flatMap((key) => catalogue(lang, key)),
        figures: await Promise.all(s.figures.map(async (name) => ({ name, figure: await measure(lang, name) }))),
        everyItemMarked: s.everyItemMarked ?? false,
      };
      expect(step.figures.flatMap((f) => f.figure.markers).length).toBeGreaterThan(0);
      expect(markerMismatches(step)).toEqual([]);
    });
  });
});
