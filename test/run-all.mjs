// `npm test`: installs missing system packages (as root), then runs every gate and suite in order and ends with
// one summary line "N passed, N failed, N skipped". Each suite's own output streams through as it runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

import { ensureSystem } from './setup/ensure-system.mjs';
import { extraSuites } from './suites.mjs';

const artifacts = 'test/artifacts';
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(`${artifacts}/screens`, { recursive: true });

ensureSystem();

// No test may reach the developer's own keychain: fixtures start a private session bus when they need one.
const env = { ...process.env, FORCE_COLOR: '0' };
delete env.DBUS_SESSION_BUS_ADDRESS;

const results = [];
const notes = [];

function run(cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${[cmd, ...args].join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;
}

/** A gate is a check without its own test count (typecheck, lint, build): it counts as one passed or failed test. */
function gate(name, cmd, args) {
  const code = run(cmd, args);
  results.push({ suite: name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
  return code === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

gate('typecheck', 'npm', ['run', '--silent', 'typecheck']);
gate('lint', 'npm', ['run', '--silent', 'lint']);
const built = gate('build', 'npm', ['run', '--silent', 'build']);

{
  const out = `${artifacts}/vitest.json`;
  const code = run('npx', [
    'vitest',
    'run',
    '-c',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const r = readJson(out);
  if (r) {
    results.push({
      suite: 'unit + integration (Vitest)',
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
    });
    if (code !== 0 && r.numFailedTests === 0)
      results.push({ suite: 'Vitest run (errors outside tests)', passed: 0, failed: 1, skipped: 0 });
  } else {
    results.push({ suite: 'unit + integration (Vitest)', passed: 0, failed: 1, skipped: 0 });
  }
}

for (const project of ['web', 'electron']) {
  if (!built) {
    results.push({ suite: `e2e ${project} (Playwright)`, passed: 0, failed: 1, skipped: 0 });
    continue;
  }
  const code = run('npx', ['playwright', 'test', '-c', 'test/playwright.config.ts', '--project', project], {
    PW_REPORTER: 'json',
  });
  const r = readJson(`${artifacts}/playwright.json`);
  rmSync(`${artifacts}/playwright.json`, { force: true });
  if (!r) {
    results.push({ suite: `e2e ${project} (Playwright)`, passed: 0, failed: 1, skipped: 0 });
    continue;
  }
  const s = r.stats;
  results.push({
    suite: `e2e ${project} (Playwright)`,
    passed: s.expected + s.flaky,
    failed: s.unexpected + (code !== 0 && s.unexpected === 0 ? 1 : 0),
    skipped: s.skipped,
  });
  const reasons = new Set();
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) reasons.add(a.description);
    for (const child of suite.suites ?? []) walk(child);
  };
  (r.suites ?? []).forEach(walk);
  for (const reason of reasons) notes.push(`e2e ${project}: skipped — ${reason}`);
}

for (const suite of extraSuites) {
  const r = suite.run(run);
  results.push({ suite: suite.name, ...r });
}

console.log('\n── Test summary ──────────────────────────────────────────');
const width = Math.max(...results.map((r) => r.suite.length));
for (const r of results)
  console.log(`${r.suite.padEnd(width)}  ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
for (const n of notes) console.log(n);
const total = results.reduce(
  (a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
