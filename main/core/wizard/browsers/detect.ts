import path from 'node:path';

import type { PrivateBrowserInfo } from '@shared/wizard/browsers';

import { BROWSER_CATALOG, type BrowserEntry } from './catalog';

/** A process to start: never through a shell, the URL is one argument of its own. */
export interface BrowserLaunch {
  command: string;
  args: string[];
}

/** An installed browser and how to start it with a page in private mode. */
export interface DetectedBrowser extends PrivateBrowserInfo {
  launch(url: string): BrowserLaunch;
}

/** What detection may look at; the real one reads this machine, tests pass a fake. */
export interface BrowserSystem {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** True for an existing regular file the user may execute (Windows: existing file). */
  isExecutable(file: string): boolean;
  isDirectory(dir: string): boolean;
  /** Windows only: the registered path of an executable under App Paths (HKCU before HKLM), if any. */
  appPath?(exeName: string): Promise<string | undefined>;
}

/** Case-insensitive lookup: Windows environment names are not case-sensitive, Node's copy may vary. */
function envValue(env: BrowserSystem['env'], name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value ? value : undefined;
}

/** Expands %VAR% references as REG_EXPAND_SZ values and App Paths entries use them; unknown ones stay. */
export function expandWindowsEnv(value: string, env: BrowserSystem['env']): string {
  return value.replace(/%([^%]+)%/g, (whole, name: string) => envValue(env, name) ?? whole);
}

async function findOnWindows(entry: BrowserEntry, sys: BrowserSystem): Promise<string | undefined> {
  const win = entry.windows;
  if (!win) return undefined;
  if (win.appPathsExe && sys.appPath) {
    const registered = await sys.appPath(win.appPathsExe);
    const file = registered && expandWindowsEnv(registered.trim().replace(/^"(.*)"$/, '$1'), sys.env);
    if (file && path.win32.isAbsolute(file) && sys.isExecutable(file)) return file;
  }
  for (const { base, rel } of win.paths) {
    const root = envValue(sys.env, base);
    if (!root) continue;
    const file = path.win32.join(root, rel);
    if (sys.isExecutable(file)) return file;
  }
  return undefined;
}

function findOnMac(entry: BrowserEntry, sys: BrowserSystem): string | undefined {
  const roots = ['/Applications', path.posix.join(sys.homeDir, 'Applications')];
  return roots.map((r) => path.posix.join(r, entry.macBundle)).find((bundle) => sys.isDirectory(bundle));
}

function findOnPath(entry: BrowserEntry, sys: BrowserSystem): string | undefined {
  // Relative PATH entries would make the result depend on the working directory: skipped.
  const dirs = (envValue(sys.env, 'PATH') ?? '').split(':').filter((d) => d.startsWith('/'));
  for (const name of entry.unixCommands) {
    for (const dir of dirs) {
      const file = path.posix.join(dir, name);
      if (sys.isExecutable(file)) return file;
    }
  }
  return undefined;
}

function describe(entry: BrowserEntry, launch: (url: string) => BrowserLaunch): DetectedBrowser {
  return { id: entry.id, name: entry.name, privateMode: entry.privateMode, launch };
}

/** Installed browsers with a private mode, in the catalog's order of preference. */
export async function detectPrivateBrowsers(sys: BrowserSystem): Promise<DetectedBrowser[]> {
  const found: DetectedBrowser[] = [];
  for (const entry of BROWSER_CATALOG) {
    if (sys.platform === 'win32') {
      const exe = await findOnWindows(entry, sys);
      if (exe) found.push(describe(entry, (url) => ({ command: exe, args: [entry.privateFlag, url] })));
    } else if (sys.platform === 'darwin') {
      const bundle = findOnMac(entry, sys);
      // -n: a new instance, so the switch takes effect even when the browser already runs; -a: by bundle path.
      if (bundle) {
        found.push(
          describe(entry, (url) => ({
            command: '/usr/bin/open',
            args: ['-na', bundle, '--args', entry.privateFlag, url],
          })),
        );
      }
    } else {
      const exe = findOnPath(entry, sys);
      if (exe) found.push(describe(entry, (url) => ({ command: exe, args: [entry.privateFlag, url] })));
    }
  }
  return found;
}
