/**
 * Finds an Electron binary without triggering Electron's lazy download (requiring the electron package starts one,
 * which cannot succeed offline): ELECTRON_OVERRIDE_DIST_PATH first, then the npm package's own dist folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const electronPkg = fileURLToPath(new URL('../../node_modules/electron', import.meta.url));
const platformExe: Record<string, string> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/** The binary's path, or why there is none (a sentence for the user). */
export function findElectronBinary(): { path?: string; reason: string } {
  const pathTxt = path.join(electronPkg, 'path.txt');
  const exe = existsSync(pathTxt)
    ? readFileSync(pathTxt, 'utf8').trim()
    : (platformExe[process.platform] ?? 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, exe);
    return existsSync(candidate)
      ? { path: candidate, reason: '' }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist` };
  }
  const bundled = path.join(electronPkg, 'dist', exe);
  if (existsSync(bundled)) return { path: bundled, reason: '' };
  return {
    reason:
      'no Electron binary on this machine (it is downloaded on first launch, which is impossible offline); ' +
      'set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron',
  };
}
