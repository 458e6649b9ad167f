/**
 * Build step (part of `npm run build`): writes out/renderer/licenses.json — name, version, licence and licence
 * text of every production dependency the app ships — for the About dialog. The tree comes from npm itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { collectLicenses, type NpmTreeNode } from '@core/support/licenses';
import { LICENSES_FILE, type LicensesFile } from '@shared/ipc/channels/support';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const target = path.join(repoRoot, 'out/renderer', LICENSES_FILE);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['ls', '--omit=dev', '--all', '--json', '--long'], {
  cwd: repoRoot,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  shell: process.platform === 'win32',
});
let tree: NpmTreeNode;
try {
  // npm ls exits non-zero for mere warnings (extraneous packages) but still prints the full tree.
  tree = JSON.parse(r.stdout) as NpmTreeNode;
} catch {
  console.error(`npm ls did not return a dependency tree:\n${r.stderr}`);
  process.exit(1);
}
const packages = collectLicenses(tree);
const file: LicensesFile = { generatedAt: new Date().toISOString(), packages };
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(file));
console.log(
  `${path.relative(repoRoot, target)}: ${packages.length} packages, ${packages.filter((p) => p.license === 'UNKNOWN').length} without a licence field`,
);
