// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM).
// Runtime dependencies stay external: electron-builder packages node_modules, and native modules cannot be bundled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build, type BuildOptions } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** What every bundle shares; `root` is the checkout whose sources are bundled. */
function commonOptions(root: string): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
}

/**
 * The contract's channel and event names, read from the contract itself at build time. The preload only needs the
 * names, so it gets them as constants instead of bundling the contract's zod schemas into every window's start-up.
 */
/** The contract's channel and event names. */
export interface ContractNames {
  channels: string[];
  events: string[];
}

export async function contractNames(root = repoRoot): Promise<ContractNames> {
  const out = await build({
    ...commonOptions(root),
    entryPoints: ['main/shared/ipc/contract.ts'],
    write: false,
    format: 'esm',
    sourcemap: false,
  });
  const code = out.outputFiles![0]!.text;
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    channelNames: string[];
    eventNames: string[];
  };
  return { channels: mod.channelNames, events: mod.eventNames };
}

/** The esbuild options of the main bundle; `npm run build` builds them once, `npm run dev` watches them. */
export function mainOptions(outDir: string, root = repoRoot): BuildOptions {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return {
    ...commonOptions(root),
    entryPoints: ['main/electron/index.ts'],
    outfile: path.join(outDir, 'main/index.js'),
    format: 'esm',
    external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
  };
}

/** The esbuild options of the preload, with the contract's names (from contractNames()) built in. */
export function preloadOptions(outDir: string, names: ContractNames, root = repoRoot): BuildOptions {
  return {
    ...commonOptions(root),
    entryPoints: ['main/preload/index.ts'],
    outfile: path.join(outDir, 'preload/index.cjs'),
    format: 'cjs',
    external: ['electron'],
    define: {
      __ASSISTANT_CHANNELS__: JSON.stringify(names.channels),
      __ASSISTANT_EVENTS__: JSON.stringify(names.events),
    },
  };
}

/** Builds main and preload into `outDir` (default `out/`). */
export async function bundleElectron(outDir = path.join(repoRoot, 'out')): Promise<void> {
  const names = await contractNames();
  await Promise.all([build(mainOptions(outDir)), build(preloadOptions(outDir, names))]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bundleElectron();
