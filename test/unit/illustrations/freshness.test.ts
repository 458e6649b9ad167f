import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ASSETS_DIR, writeIllustrations } from '../../../build/scripts/illustrations/generate';

// The SVGs under assets/ are build output that is committed (the app and the README show them): a generator
// changed without `npm run illustrations` would ship pictures that no longer match their code.
const out = mkdtempSync(path.join(os.tmpdir(), 'illustrations-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const svgsIn = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.svg'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();

describe('committed illustrations', () => {
  const written = writeIllustrations(out)
    .map((f) => f.split(path.sep).join('/'))
    .sort();

  it('the generators draw every picture in both languages', () => {
    expect(written.length).toBeGreaterThanOrEqual(24);
    expect(written.filter((f) => f.startsWith('de/')).length).toBe(written.length / 2);
    expect(svgsIn(out)).toEqual(written);
  });

  it('assets/screenshots holds exactly the generated files, no stale extra ones', () => {
    expect(svgsIn(ASSETS_DIR)).toEqual(written);
  });

  it.each(written)('%s is byte-identical to a fresh run (else: npm run illustrations)', (file) => {
    const fresh = readFileSync(path.join(out, file));
    const committed = readFileSync(path.join(ASSETS_DIR, file));
    expect(committed.equals(fresh), `${file} differs from its generator`).toBe(true);
  });
});
