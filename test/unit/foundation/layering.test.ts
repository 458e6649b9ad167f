import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// The runtime layering holds even if lint is skipped: every import of every source file (.ts, .tsx, .mts, .mjs,
// .cjs, .js) is resolved to the folder it lands in, and the folder's layer says what it may reach.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const SOURCE = /\.(ts|tsx|mts|mjs|cjs|js)$/;

/** A layer: the folders it owns and what its files may import. Listed most specific first. */
interface Layer {
  name: string;
  folder: string;
  /** Layers (by name) whose files it may import. */
  reaches: readonly string[];
  node: boolean;
  electron: boolean;
}

const LAYERS: readonly Layer[] = [
  { name: 'shared', folder: 'main/shared/', reaches: ['shared'], node: false, electron: false },
  { name: 'core', folder: 'main/core/', reaches: ['shared', 'core'], node: true, electron: false },
  { name: 'cli', folder: 'main/cli/', reaches: ['shared', 'core', 'cli'], node: true, electron: false },
  { name: 'electron', folder: 'main/electron/', reaches: ['shared', 'core', 'electron'], node: true, electron: true },
  { name: 'preload', folder: 'main/preload/', reaches: ['shared', 'preload'], node: false, electron: true },
  {
    name: 'build-main',
    folder: 'main/',
    reaches: ['shared', 'core', 'electron', 'preload', 'build-main'],
    node: true,
    electron: false,
  },
  { name: 'renderer', folder: 'renderer/src/', reaches: ['shared', 'renderer'], node: false, electron: false },
  { name: 'renderer-config', folder: 'renderer/', reaches: ['renderer-config'], node: true, electron: false },
  {
    name: 'harness',
    folder: 'test/harness/',
    reaches: ['shared', 'core', 'renderer', 'harness', 'test'],
    node: true,
    electron: false,
  },
  { name: 'test', folder: 'test/', reaches: ['*'], node: true, electron: true },
  // Build scripts may use main's bundler config (npm run dev watches what npm run build builds).
  {
    name: 'build',
    folder: 'build/',
    reaches: ['shared', 'core', 'build-main', 'build'],
    node: true,
    electron: false,
  },
];

const ALIASES: ReadonlyArray<[string, string]> = [
  ['@shared/', 'main/shared/'],
  ['@core/', 'main/core/'],
  ['@main/', 'main/'],
  ['@renderer/', 'renderer/src/'],
  ['@test/', 'test/'],
];

const layerOf = (file: string): Layer | undefined => LAYERS.find((l) => file.startsWith(l.folder));

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re =
    /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

type Target = { kind: 'file'; path: string } | { kind: 'node' } | { kind: 'electron' } | { kind: 'package' };

export function resolveImport(file: string, spec: string): Target {
  if (spec === 'electron' || spec.startsWith('electron/')) return { kind: 'electron' };
  if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!)) return { kind: 'node' };
  if (spec.startsWith('.'))
    return { kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) };
  const alias = ALIASES.find(([prefix]) => spec.startsWith(prefix));
  if (alias) return { kind: 'file', path: alias[1] + spec.slice(alias[0].length) };
  return { kind: 'package' };
}

/** What is wrong with `file` importing `spec`, or null. */
export function violation(file: string, spec: string): string | null {
  const layer = layerOf(file);
  if (!layer) return null;
  const target = resolveImport(file, spec);
  if (target.kind === 'electron') return layer.electron ? null : 'Electron outside the Electron edge';
  if (target.kind === 'node') return layer.node ? null : 'Node built-in in a layer without Node';
  if (target.kind === 'package') return null;
  const to = layerOf(target.path);
  if (!to) return null;
  if (layer.reaches.includes('*') || layer.reaches.includes(to.name)) return null;
  return `${layer.name} may not reach ${to.name}`;
}

function violations(files: string[]): string[] {
  return files.flatMap((f) =>
    importsOf(readFileSync(path.join(root, f), 'utf8')).flatMap((s) => {
      const why = violation(f, s);
      return why ? [`${f} imports ${s}: ${why}`] : [];
    }),
  );
}

describe('runtime layering', () => {
  it('the scanner sees static, dynamic, side-effect and require imports', () => {
    const src = `import { app } from 'electron';\nimport x from "node:fs";\nawait import('electron/main');\nimport './side';\nconst y = require('os');`;
    expect(importsOf(src)).toEqual(['electron', 'node:fs', 'electron/main', './side', 'os']);
  });

  it('the rule catches each kind of crossing, by relative path and by alias', () => {
    expect(violation('renderer/src/app/App.tsx', '@core/services')).toMatch(/renderer may not reach core/);
    expect(violation('renderer/src/app/App.tsx', '../../../main/electron/ipc')).toMatch(
      /renderer may not reach electron/,
    );
    expect(violation('renderer/src/app/App.tsx', 'node:fs')).toMatch(/Node/);
    expect(violation('main/shared/x.ts', 'fs')).toMatch(/Node/);
    expect(violation('main/core/x.ts', 'electron')).toMatch(/Electron/);
    expect(violation('main/core/x.mjs', '@main/electron/ipc')).toMatch(/core may not reach electron/);
    expect(violation('main/shared/x.ts', '../core/services')).toMatch(/shared may not reach core/);
    expect(violation('build/scripts/x.mjs', '@renderer/app/App')).toMatch(/build may not reach renderer/);
    expect(violation('renderer/src/app/App.tsx', '@shared/ipc/contract')).toBeNull();
    expect(violation('main/electron/ipc.ts', 'electron')).toBeNull();
  });

  it('the aliases are the ones the tsconfig declares', () => {
    const tsconfig = readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
    for (const [alias, folder] of ALIASES) expect(tsconfig).toContain(`"${alias}*": ["./${folder}*"]`);
  });

  it('every source file in main, renderer, test and build keeps to its layer', () => {
    const files = ['main', 'renderer', 'test', 'build']
      .filter((d) => existsSync(path.join(root, d)))
      .flatMap(sourceFiles);
    expect(files.some((f) => f.endsWith('.mjs'))).toBe(true);
    expect(files.length).toBeGreaterThan(200);
    expect(violations(files)).toEqual([]);
  });
});
