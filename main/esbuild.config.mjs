// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM).
// Runtime dependencies stay external: electron-builder packages node_modules, and native modules cannot be bundled.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['main/electron/index.ts'], outfile: 'out/main/index.js', format: 'esm', external }),
  build({ ...common, entryPoints: ['main/preload/index.ts'], outfile: 'out/preload/index.cjs', format: 'cjs', external: ['electron'] }),
]);
