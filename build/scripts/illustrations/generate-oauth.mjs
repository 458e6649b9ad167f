/**
 * Writes the modern-auth step illustrations to assets/screenshots/<locale>/oauth-*.svg:
 *   node build/scripts/illustrations/generate-oauth.mjs
 * Not part of the app bundle: nothing imports these files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { labels, pictures } from './app-registration.mjs';

const out = fileURLToPath(new URL('../../../assets/screenshots', import.meta.url));
for (const lang of ['de', 'en']) {
  mkdirSync(`${out}/${lang}`, { recursive: true });
  for (const [name, render] of Object.entries(pictures))
    writeFileSync(`${out}/${lang}/${name}.svg`, render(labels[lang]));
}
console.log(`wrote ${Object.keys(pictures).length * 2} illustrations to ${out}`);
