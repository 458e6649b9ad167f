// Extra gates that `npm test` runs after the test suites. Each returns { passed, failed, skipped }.
// (Issue-specific gates such as the Electron anti-pattern scan register here.)
import { readFileSync, rmSync } from 'node:fs';

/** Runs a gate script that writes its own { passed, failed, skipped } JSON; a missing or bad file is one failure. */
function countedGate(name, cmd, args, resultFile) {
  return {
    name,
    run(run) {
      rmSync(resultFile, { force: true });
      const code = run(cmd, [...args, '--json', resultFile]);
      try {
        const r = JSON.parse(readFileSync(resultFile, 'utf8'));
        return { passed: r.passed, failed: r.failed + (code !== 0 && r.failed === 0 ? 1 : 0), skipped: r.skipped };
      } catch {
        return { passed: 0, failed: 1, skipped: 0 };
      }
    },
  };
}

export const extraSuites = [
  // Electron security anti-patterns: MEDIUM+ findings fail unless build/electronegativity-allowlist.json
  // explains them. The builder-config schema check is a Vitest test (test/unit/security/builder-config.test.ts).
  countedGate(
    'electronegativity',
    'npx',
    ['tsx', 'build/scripts/electronegativity-gate.ts'],
    'test/artifacts/electronegativity.json',
  ),
];
