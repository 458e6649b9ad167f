/**
 * The tests running now, at most one of each kind per connection, each with its run id (which its live
 * `probeStage` events carry) and the switch that cancels it.
 */
import { randomUUID } from 'node:crypto';

import { AppError } from '@shared/ipc/result';
import { TEST_KINDS, type TestKind } from '@shared/wizard/view';

export interface TestRun {
  runId: string;
  signal: AbortSignal;
}

export function createTestRuns() {
  const runs = new Map<string, { runId: string; control: AbortController }>();
  const key = (profileId: string, kind: TestKind) => `${profileId}\u0000${kind}`;

  return {
    start(profileId: string, kind: TestKind): TestRun {
      if (runs.has(key(profileId, kind))) {
        throw new AppError('TEST_ALREADY_RUNNING', `A ${kind} test of this connection is already running.`);
      }
      const run = { runId: `${kind}-${randomUUID()}`, control: new AbortController() };
      runs.set(key(profileId, kind), run);
      return { runId: run.runId, signal: run.control.signal };
    },

    finish(profileId: string, kind: TestKind, runId: string): void {
      if (runs.get(key(profileId, kind))?.runId === runId) runs.delete(key(profileId, kind));
    },

    cancel(profileId: string, kind: TestKind): boolean {
      const run = runs.get(key(profileId, kind));
      run?.control.abort();
      return run !== undefined;
    },

    /** Run ids by kind, for the view. */
    of(profileId: string): Partial<Record<TestKind, string>> {
      const out: Partial<Record<TestKind, string>> = {};
      for (const kind of TEST_KINDS) {
        const run = runs.get(key(profileId, kind));
        if (run) out[kind] = run.runId;
      }
      return out;
    },

    cancelAll(profileId?: string): void {
      for (const [k, run] of runs)
        if (profileId === undefined || k.startsWith(`${profileId}\u0000`)) run.control.abort();
    },
  };
}

export type TestRuns = ReturnType<typeof createTestRuns>;
