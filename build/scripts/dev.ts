/**
 * `npm run dev`: rebuilds main and preload (esbuild watch) and the renderer (Vite build watch) into out/ on every
 * change, and restarts Electron after a main or preload rebuild. The renderer is picked up by reloading the window
 * (Ctrl+R; DevTools are on in unpackaged builds). Without an Electron binary it says so once and keeps rebuilding;
 * `npm run dev:web` then shows the app in a browser.
 *   --out DIR    build into DIR instead of out/ (Electron is only started for out/, where package.json points)
 *   --root DIR   a checkout to build instead of this one (the dev-loop test builds a copy it may change)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { contractNames, mainOptions, preloadOptions } from '@main/esbuild.config';
import { type BuildContext, type BuildOptions, context, type Plugin } from 'esbuild';
import { build as viteBuild } from 'vite';

import { findElectronBinary } from './electron-binary';

export type DevTarget = 'main' | 'preload' | 'renderer';

export interface DevLoopOptions {
  root: string;
  outDir: string;
  /** The Electron binary to restart, or the reason there is none. */
  electron: { path?: string; reason: string };
  log(line: string): void;
  /** Called after every build of a target, first ones included. */
  onBuilt?(target: DevTarget, ok: boolean): void;
}

export interface DevLoop {
  stop(): Promise<void>;
}

/** Restarts are debounced: one change to shared code rebuilds main and preload together. */
const RESTART_DELAY_MS = 150;

export async function startDevLoop(o: DevLoopOptions): Promise<DevLoop> {
  let electron: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  const ready = new Set<DevTarget>();

  const launch = () => {
    if (!o.electron.path || stopping) return;
    const child = spawn(o.electron.path, [o.root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])], {
      stdio: 'inherit',
    });
    electron = child;
    child.on('exit', (code) => {
      if (electron !== child || stopping) return;
      // The user closed the app: nothing is left to serve.
      o.log(`Electron exited (${code ?? 'signal'}); stopping the watch loop.`);
      void loop.stop().then(() => process.exit(0));
    });
  };
  const restart = () => {
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      const old = electron;
      electron = undefined;
      if (old && old.exitCode === null && old.signalCode === null) {
        old.once('exit', launch);
        old.kill();
      } else launch();
    }, RESTART_DELAY_MS);
  };

  const built = (target: DevTarget, ok: boolean, ms: number) => {
    o.log(ok ? `built ${target} in ${ms} ms` : `${target} has errors (above); waiting for the next change`);
    o.onBuilt?.(target, ok);
    if (!ok) return;
    const first = !ready.has(target);
    ready.add(target);
    if (!o.electron.path || ready.size < 3) return;
    // A renderer rebuild needs only a reload of the window; its first build may be the last one Electron waited for.
    if (target === 'renderer' && (!first || electron)) return;
    restart();
  };

  const report = (target: DevTarget, after?: () => Promise<void>): Plugin => ({
    name: `dev-report-${target}`,
    setup(b) {
      let started = 0;
      b.onStart(() => {
        started = Date.now();
      });
      b.onEnd(async (result) => {
        if (result.errors.length === 0) await after?.();
        built(target, result.errors.length === 0, Date.now() - started);
      });
    },
  });
  const watch = async (target: DevTarget, options: BuildOptions, after?: () => Promise<void>) => {
    const ctx = await context({ ...options, plugins: [report(target, after)] });
    await ctx.watch();
    return ctx;
  };

  // The preload carries the contract's names as constants: when main's bundle (which holds the contract) shows
  // other names, the preload gets a fresh context with them.
  let names = await contractNames(o.root);
  let preload: BuildContext = await watch('preload', preloadOptions(o.outDir, names, o.root));
  const main = await watch('main', mainOptions(o.outDir, o.root), async () => {
    const next = await contractNames(o.root).catch(() => names);
    if (stopping || JSON.stringify(next) === JSON.stringify(names)) return;
    names = next;
    await preload.dispose();
    preload = await watch('preload', preloadOptions(o.outDir, names, o.root));
  });

  let rendererStarted = 0;
  const renderer = await viteBuild({
    configFile: path.join(o.root, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: path.join(o.outDir, 'renderer'), emptyOutDir: true, watch: {} },
  });
  if (!('on' in renderer)) throw new Error('vite build --watch returned no watcher');
  renderer.on('event', (e) => {
    if (e.code === 'BUNDLE_START') rendererStarted = Date.now();
    else if (e.code === 'BUNDLE_END') {
      void e.result.close();
      built('renderer', true, Date.now() - rendererStarted);
    } else if (e.code === 'ERROR') {
      o.log(e.error.message);
      built('renderer', false, 0);
    }
  });

  if (!o.electron.path)
    o.log(`Not starting Electron: ${o.electron.reason}. Rebuilding on every change; npm run dev:web shows the app.`);

  const loop: DevLoop = {
    async stop() {
      if (stopping) return;
      stopping = true;
      clearTimeout(restartTimer);
      electron?.kill();
      await Promise.all([main.dispose(), preload.dispose(), renderer.close()]);
    },
  };
  return loop;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, root: { type: 'string' } }, strict: true });
  const root = values.root ? path.resolve(values.root) : fileURLToPath(new URL('../..', import.meta.url));
  const outDir = values.out ? path.resolve(values.out) : path.join(root, 'out');
  const electron =
    outDir === path.join(root, 'out')
      ? findElectronBinary()
      : { reason: `the build goes to ${outDir}, and Electron loads the app from out/` };
  let licenses = false;
  const loop = await startDevLoop({
    root,
    outDir,
    electron,
    log: (line) => console.log(`[dev] ${line}`),
    onBuilt(target, ok) {
      // The About dialog's licence list is a build step of its own (npm run build runs it after Vite).
      if (target !== 'renderer' || !ok || licenses || outDir !== path.join(root, 'out')) return;
      licenses = true;
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'build/scripts/licenses.ts')], {
        stdio: 'inherit',
      });
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void loop.stop().then(() => process.exit(0)));
}
