/**
 * `npm run icons`: renders build/icon.svg (the single source) to every icon electron-builder needs and writes
 * them to build/icons/ (checked in): NxN.png for Linux, icon.ico for Windows, icon.icns for macOS.
 * Needs `rsvg-convert` (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { type PngImage, writeIcns, writeIco } from './icon-formats';

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(buildDir, 'icon.svg');
const outDir = path.join(buildDir, 'icons');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const probe = spawnSync('rsvg-convert', ['--version'], { encoding: 'utf8' });
if (probe.status !== 0) {
  console.error(
    'rsvg-convert is missing. Install it: apt-get install librsvg2-bin (Debian/Ubuntu) or brew install librsvg (macOS).',
  );
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const images: PngImage[] = ICON_SIZES.map((size) => {
  const file = path.join(outDir, `${size}x${size}.png`);
  const r = spawnSync(
    'rsvg-convert',
    ['--width', String(size), '--height', String(size), '--keep-aspect-ratio', '--output', file, source],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`rsvg-convert failed for ${size}px: ${r.stderr}`);
  return { size, png: new Uint8Array(readFileSync(file)) };
});
writeFileSync(path.join(outDir, 'icon.ico'), writeIco(images.filter((i) => ICO_SIZES.includes(i.size))));
writeFileSync(path.join(outDir, 'icon.icns'), writeIcns(images));
console.log(
  `icons written to ${path.relative(process.cwd(), outDir)}: ${ICON_SIZES.map((s) => `${s}x${s}.png`).join(', ')}, icon.ico, icon.icns`,
);
