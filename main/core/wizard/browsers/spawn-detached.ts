import { spawn } from 'node:child_process';

import type { BrowserLaunch } from './detect';

/**
 * Starts a browser independent of the app: no shell (the URL cannot be reinterpreted), no inherited stdio,
 * not killed when the app quits. Resolves once the process started; rejects when it could not (e.g. ENOENT).
 */
export function spawnDetached(launch: BrowserLaunch, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(launch.command, launch.args, {
      detached: true,
      stdio: 'ignore',
      shell: false,
      windowsHide: false,
      env,
    });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/**
 * The environment a started browser gets: the app's own, minus what only makes sense inside it. Electron's
 * variables (ELECTRON_RUN_AS_NODE would turn a Chromium-based child into Node) and an AppImage's library paths
 * would otherwise leak into a browser that has nothing to do with the app.
 */
export function browserEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inAppImage = Boolean(env.APPIMAGE);
  return Object.fromEntries(
    Object.entries(env).filter(
      ([key]) =>
        !/^ELECTRON_/i.test(key) &&
        !(inAppImage && /^(APPDIR|APPIMAGE|ARGV0|OWD|LD_LIBRARY_PATH|LD_PRELOAD)$/.test(key)),
    ),
  );
}
