/**
 * One connection test from start to finish, the same for all three kinds: it is announced as running, runs outside
 * the change queue (it takes seconds), and its outcome is applied in one change — report kept, step status set
 * (a cancelled test changes nothing), a password test counted towards the retest cap.
 */
import type { ProbeReport } from '@shared/probe/report';
import type { TestKind, WizardView } from '@shared/wizard/view';

import type { Core } from './core';
import type { TokenOutcome } from './last-tests';
import { countsTowardsRetestCap, isPermanent, STEP_OF_TEST, stepChangeAfterTest } from './rules';
import type { TestRun } from './test-runs';

export interface TestOutcome {
  report: ProbeReport;
  token?: TokenOutcome;
}

export function createTestFlow(core: Core) {
  const { store } = core.deps;

  async function apply(profileId: string, kind: TestKind, { report, token }: TestOutcome): Promise<void> {
    // A connection deleted while its test ran keeps nothing of it.
    if (!store.hasProfile(profileId)) return;
    core.lastTests.record(profileId, report, token);
    const step = STEP_OF_TEST[kind];
    const action = stepChangeAfterTest(report, store.getProgress(profileId).steps[step]?.status ?? 'open');
    if (action) store.applyStepAction(profileId, step, action);
    if (countsTowardsRetestCap(kind, report)) {
      await core.deps.retest
        .recordManualAttempt(profileId, { code: report.code, ok: report.ok, permanent: isPermanent(report) })
        .catch((err: unknown) => core.log.warn('could not count a manual test for the retest schedule', err));
    }
  }

  /** `prepare` runs in the queue before the test starts (save fields, a secret); `run` is the test itself. */
  async function runTest(
    profileId: string,
    kind: TestKind,
    prepare: () => unknown,
    run: (test: TestRun) => Promise<TestOutcome>,
  ): Promise<WizardView> {
    let test: TestRun | undefined;
    await core.change(async () => {
      store.requireProfile(profileId);
      await prepare();
      test = core.runs.start(profileId, kind);
    });
    const started = test!;
    let outcome: TestOutcome;
    try {
      outcome = await run(started);
    } catch (err) {
      await core.change(() => core.runs.finish(profileId, kind, started.runId));
      throw err;
    }
    return core.change(async () => {
      core.runs.finish(profileId, kind, started.runId);
      await apply(profileId, kind, outcome);
    });
  }

  return { runTest };
}
