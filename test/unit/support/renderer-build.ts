import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Builds the renderer into a fresh temporary folder. `mode: 'test-hooks'` includes the error-boundary test hook
 * (never part of `npm run build`); the licence list is copied over when the normal build has made one.
 */
export function buildRenderer(mode: 'production' | 'test-hooks'): string {
  const outDir = mkdtempSync(path.join(os.tmpdir(), `renderer-${mode}-`));
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '-c',
      'renderer/vite.config.ts',
      '--mode',
      mode,
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  if (r.status !== 0) throw new Error(`vite build (${mode}) failed:\n${r.stdout}\n${r.stderr}`);
  const licenses = path.join(root, 'out/renderer/licenses.json');
  if (existsSync(licenses)) copyFileSync(licenses, path.join(outDir, 'licenses.json'));
  return outDir;
}
