/**
 * `npm run security:scan` (and a suite of `npm test`): Electronegativity over the app's own sources.
 *
 * What is scanned: main/ and renderer/ together (plus package.json for the Electron version), copied into one
 * temporary folder so the tool's global checks see the whole app at once — e.g. that the CSP in
 * renderer/index.html and the permission handler in main/electron belong to the same app. Sources, not out/:
 * the tool parses TypeScript itself, findings then point at lines a person can fix, allowlist entries stay
 * stable (bundle line numbers change with every build), and the renderer bundle would add React's own code,
 * which is not ours to change. Tests and build scripts are not part of the shipped app and are not scanned.
 *
 * Options: --json <file> writes { passed, failed, skipped, ... } for test/suites.mjs; --input <dir> scans another
 * folder (the gate's own tests use it); --allowlist <file>.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { evaluate, parseElectronegativityCsv, validateAllowlist, type Verdict } from './electronegativity-report';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: { json: { type: 'string' }, input: { type: 'string' }, allowlist: { type: 'string' } },
  strict: true,
});

function stageSources(): string {
  const stage = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
  const skip = (src: string) => !src.split(path.sep).includes('node_modules');
  for (const dir of ['main', 'renderer'])
    cpSync(path.join(repoRoot, dir), path.join(stage, dir), { recursive: true, filter: skip });
  cpSync(path.join(repoRoot, 'package.json'), path.join(stage, 'package.json'));
  return stage;
}

const electronVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const cli = path.join(repoRoot, 'node_modules/@doyensec/electronegativity/dist/index.js');
const allowlistFile = values.allowlist ?? path.join(repoRoot, 'build/electronegativity-allowlist.json');

const input = values.input ? path.resolve(values.input) : stageSources();
const work = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-out-'));
const csvFile = path.join(work, 'report.csv');
let verdict: Verdict | undefined;
let toolError: string | undefined;
try {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      pathToImport(path.join(repoRoot, 'build/scripts/electronegativity-preload.mjs')),
      cli,
      '-i',
      input,
      '-r',
      '-e',
      electronVersion,
      '-o',
      csvFile,
      '-v',
      'false',
    ],
    {
      cwd: input,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ELECTRONEGATIVITY_REPORT: csvFile },
      timeout: 120_000,
    },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  const offline = output.split('\n').find((l) => l.startsWith('offline:'));
  if (offline) console.log(offline);
  // A file the tool cannot parse is a file it did not check: that must not pass silently.
  const parseErrors = output.split('\n').filter((l) => l.startsWith('Error parsing'));
  if (run.status !== 0) toolError = `electronegativity exited with ${run.status}: ${output.slice(-2000)}`;
  else if (!existsSync(csvFile)) toolError = 'electronegativity wrote no report';
  else if (parseErrors.length) toolError = `files could not be parsed:\n${parseErrors.join('\n')}`;
  else
    verdict = evaluate(
      parseElectronegativityCsv(readFileSync(csvFile, 'utf8')),
      validateAllowlist(JSON.parse(readFileSync(allowlistFile, 'utf8'))),
    );
} catch (err) {
  toolError = err instanceof Error ? err.message : String(err);
} finally {
  rmSync(work, { recursive: true, force: true });
  if (!values.input) rmSync(input, { recursive: true, force: true });
}

function pathToImport(file: string): string {
  return process.platform === 'win32' ? `file:///${file.replace(/\\/g, '/')}` : file;
}

const line = (f: { id: string; severity: string; file: string; location: string }) =>
  `${f.severity.padEnd(8)} ${f.id} ${f.file}:${f.location}`;
console.log(`Electronegativity (Electron ${electronVersion}) over main/ + renderer/`);
if (toolError) console.log(`✗ scan failed: ${toolError}`);
if (verdict) {
  for (const f of verdict.blocking) console.log(`✗ ${line(f)} — ${f.description}`);
  for (const e of verdict.stale)
    console.log(`✗ allowlist entry covers nothing any more: ${e.id} in ${e.file} (remove it)`);
  for (const a of verdict.allowed) console.log(`✓ allowed  ${line(a.finding)} — ${a.reason}`);
  for (const f of verdict.informational) console.log(`· info     ${line(f)}`);
}
const failed = toolError ? 1 : verdict!.blocking.length + verdict!.stale.length;
// One pass for the scan itself, one per reviewed (allowlisted) finding.
const passed = toolError ? 0 : 1 + verdict!.allowed.length;
console.log(`${passed} passed, ${failed} failed, 0 skipped`);
if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify({ passed, failed, skipped: 0, toolError: toolError ?? null, verdict: verdict ?? null }, null, 2),
  );
}
process.exit(failed > 0 ? 1 : 0);
