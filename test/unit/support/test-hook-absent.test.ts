import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { buildRenderer } from './renderer-build';

// The error-boundary test hook (a button that makes a component throw) must never ship.
const MARKER = 'test-hook-throw';
const built: string[] = [];
afterAll(() => {
  for (const d of built) rmSync(d, { recursive: true, force: true });
});

function bundleText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|html)$/.test(e.name))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('error-boundary test hook', () => {
  it('is absent from a production build and present only in the test-hooks build', () => {
    const production = buildRenderer('production');
    built.push(production);
    const testHooks = buildRenderer('test-hooks');
    built.push(testHooks);
    expect(bundleText(testHooks)).toContain(MARKER);
    expect(bundleText(production)).not.toContain(MARKER);
    expect(bundleText(production)).not.toContain('error-boundary test hook');
  }, 240_000);
});
