/**
 * `npm run illustrations`: writes the step illustrations (schematic SVGs of the Microsoft and agorum pages, per
 * language) to assets/screenshots/<locale>/. Run after changing a label or a layout; the freshness test
 * (test/unit/illustrations/freshness.test.ts) fails until the committed files match the generators.
 * Not part of the app bundle: only this script and the tests import these files.
 *   --out DIR   writes to DIR/<locale>/ instead
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { ILLUSTRATION_LANGUAGES, illustrations } from './pictures';

export const ASSETS_DIR = fileURLToPath(new URL('../../../assets/screenshots', import.meta.url));

/** Writes every illustration below `outDir` and returns the paths written, relative to it. */
export function writeIllustrations(outDir: string): string[] {
  const written: string[] = [];
  for (const lang of ILLUSTRATION_LANGUAGES) {
    mkdirSync(path.join(outDir, lang), { recursive: true });
    for (const picture of illustrations) {
      const file = path.join(lang, `${picture.name}.svg`);
      writeFileSync(path.join(outDir, file), picture.render(lang));
      written.push(file);
    }
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
  const outDir = values.out ? path.resolve(values.out) : ASSETS_DIR;
  console.log(`wrote ${writeIllustrations(outDir).length} illustrations to ${outDir}`);
}
