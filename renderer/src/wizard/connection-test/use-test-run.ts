/**
 * One test kind of the active connection as the page shows it: running (live stages from `probeStage`), done (the
 * last report main kept, after a restart too) or not run yet.
 */
import { type StageMap, stagesFromReport, useLiveStages } from '@renderer/bridge/live-stages';
import type { ProbeReport } from '@shared/probe/report';
import { useMemo } from 'react';

import { useActive } from '../state/view-lookup';

export type TestRunView =
  { phase: 'idle' } | { phase: 'running'; stages: StageMap } | { phase: 'done'; report: ProbeReport; stages: StageMap };

export function useTestRun(kind: 'network' | 'password'): TestRunView {
  const active = useActive();
  const runId = active?.running[kind];
  const live = useLiveStages(runId);
  const report = active?.lastTests[kind] ?? null;
  const finished = useMemo(() => (report ? stagesFromReport(report) : {}), [report]);
  if (runId) return { phase: 'running', stages: live };
  return report ? { phase: 'done', report, stages: finished } : { phase: 'idle' };
}
