import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// A file a reader can take in at once is a file a reader can find their way in; past this it is several files.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const MAX_LINES = 300;
const SOURCE = /\.(ts|tsx|mts|cts|mjs|cjs|js|jsx|css)$/;

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !f.split(path.sep).some((part) => part === 'node_modules' || part === 'artifacts'));
}

/** Lines as an editor numbers them: a final newline ends the last line, it does not start another. */
const lineCount = (text: string): number => text.replace(/\n$/, '').split('\n').length;

describe('source file size', () => {
  it('counts lines the way an editor numbers them, and reads stylesheets but not data', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\n\nb\n')).toBe(3);
    expect(SOURCE.test('wizard.css')).toBe(true);
    expect(SOURCE.test('de.json')).toBe(false);
  });

  it(`no source or stylesheet in main, renderer, build or test is longer than ${MAX_LINES} lines`, () => {
    const files = ['main', 'renderer', 'build', 'test'].flatMap(sources);
    expect(files.filter((f) => f.endsWith('.css')).length).toBeGreaterThan(10);
    const long = files
      .map((f) => ({ f, lines: lineCount(readFileSync(path.join(root, f), 'utf8')) }))
      .filter((x) => x.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
