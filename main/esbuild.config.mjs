// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM).
// Runtime dependencies stay external: electron-builder packages node_modules, and native modules cannot be bundled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * The contract's channel and event names, read from the contract itself at build time. The preload only needs the
 * names, so it gets them as constants instead of bundling the contract's zod schemas into every window's start-up.
 */
async function contractNames() {
  const out = await build({
    ...common,
    entryPoints: ['main/shared/ipc/contract.ts'],
    write: false,
    format: 'esm',
    sourcemap: false,
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return { channels: mod.channelNames, events: mod.eventNames };
}

/** Builds main and preload into `outDir` (default `out/`). */
export async function bundleElectron(outDir = path.join(root, 'out')) {
  const names = await contractNames();
  await Promise.all([
    build({
      ...common,
      entryPoints: ['main/electron/index.ts'],
      outfile: path.join(outDir, 'main/index.js'),
      format: 'esm',
      external,
    }),
    build({
      ...common,
      entryPoints: ['main/preload/index.ts'],
      outfile: path.join(outDir, 'preload/index.cjs'),
      format: 'cjs',
      external: ['electron'],
      define: {
        __ASSISTANT_CHANNELS__: JSON.stringify(names.channels),
        __ASSISTANT_EVENTS__: JSON.stringify(names.events),
      },
    }),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bundleElectron();
