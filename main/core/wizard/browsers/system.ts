import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';

import type { BrowserSystem } from './detect';
import { queryAppPath } from './windows-app-paths';

/** Detection inputs from this machine. */
export function currentBrowserSystem(): BrowserSystem {
  const windows = process.platform === 'win32';
  return {
    platform: process.platform,
    env: process.env,
    homeDir: os.homedir(),
    isExecutable(file) {
      try {
        if (!statSync(file).isFile()) return false;
        // Windows has no execute bit; an existing file is all there is to check.
        if (!windows) accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    isDirectory(dir) {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    },
    ...(windows ? { appPath: (exe: string) => queryAppPath(exe) } : {}),
  };
}
