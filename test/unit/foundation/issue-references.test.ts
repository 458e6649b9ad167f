import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// Code and comments say why on their own; a tracker number tells a reader nothing once the issue is closed.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const REFERENCE = new RegExp(['\\bissues?', '\\s*#?\\d+'].join(''), 'i');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs|cjs|js|json|html|css)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !f.split(path.sep).some((part) => part === 'node_modules' || part === 'artifacts'));
}

describe('issue references', () => {
  it('the pattern finds the forms people write', () => {
    for (const s of ['// see (issue 7)', '/* Issue 12: */', 'issue #4', 'issues 3']) expect(s).toMatch(REFERENCE);
    expect('this issues a token').not.toMatch(REFERENCE);
  });

  it('no source file in main, renderer, test or build names an issue number', () => {
    // This file names issue numbers on purpose, as samples for the pattern.
    const self = path.relative(root, fileURLToPath(import.meta.url));
    const files = ['main', 'renderer', 'test', 'build'].flatMap(sources).filter((f) => f !== self);
    expect(files.length).toBeGreaterThan(200);
    const hits = files.flatMap((f) =>
      readFileSync(path.join(root, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (REFERENCE.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
