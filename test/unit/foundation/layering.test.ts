import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

// The runtime layering holds even if lint is skipped: this scans every import specifier in the source tree.
const root = fileURLToPath(new URL('../../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/');
const isNodeBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]!);

function violations(files: string[], bad: (spec: string) => boolean): string[] {
  return files.flatMap((f) =>
    importsOf(readFileSync(path.join(root, f), 'utf8'))
      .filter(bad)
      .map((s) => `${f} imports ${s}`),
  );
}

describe('runtime layering', () => {
  it('the scanner sees static, dynamic, side-effect and require imports', () => {
    const src = `import { app } from 'electron';\nimport x from "node:fs";\nawait import('electron/main');\nimport './side';\nconst y = require('os');`;
    expect(importsOf(src)).toEqual(['electron', 'node:fs', 'electron/main', './side', 'os']);
  });

  it('only main/electron and main/preload import electron', () => {
    const files = [...sourceFiles('main'), ...sourceFiles('renderer/src'), ...sourceFiles('test/harness')].filter(
      (f) => !f.startsWith('main/electron/') && !f.startsWith('main/preload/'),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(violations(files, isElectron)).toEqual([]);
  });

  it('the renderer imports neither Node, Electron nor main-process code', () => {
    const files = sourceFiles('renderer/src');
    const bad = (s: string) => isElectron(s) || isNodeBuiltin(s) || /main\/(core|electron|preload)\//.test(s);
    expect(violations(files, bad)).toEqual([]);
  });

  it('main/shared (imported by the renderer) stays free of Node and Electron', () => {
    expect(violations(sourceFiles('main/shared'), (s) => isElectron(s) || isNodeBuiltin(s))).toEqual([]);
  });
});
