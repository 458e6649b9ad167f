import { performance } from 'node:perf_hooks';

import { PROBE_STAGES, type ProbeStage } from '@shared/probe/codes';
import type { ProbeStageEvent, StageDetailsMap, StageResult } from '@shared/probe/report';

/** A stage's progress as the probe reports it; the IPC layer adds the run id. */
export type StageProgress = Omit<ProbeStageEvent, 'runId'>;

/** Collects stage results in canonical order and reports progress as it happens. */
export class StageRecorder {
  private readonly results = new Map<ProbeStage, StageResult>();
  private running: { stage: ProbeStage; since: number } | undefined;

  constructor(private readonly onStage?: (event: StageProgress) => void) {}

  get current(): ProbeStage | undefined {
    return this.running?.stage;
  }

  start(stage: ProbeStage): void {
    this.running = { stage, since: performance.now() };
    this.emit({ stage, status: 'running', ms: 0 });
  }

  ok<S extends ProbeStage>(stage: S, details?: StageDetailsMap[S], note?: string): void {
    this.finish(stage, 'ok', details, note);
  }

  fail<S extends ProbeStage>(stage: S, details?: StageDetailsMap[S], note?: string): void {
    this.finish(stage, 'failed', details, note);
  }

  skip(stage: ProbeStage, note?: string): void {
    this.finish(stage, 'skipped', undefined, note);
  }

  /** Every stage in canonical order; those that never ran are 'skipped'. */
  list(): StageResult[] {
    return PROBE_STAGES.map((stage) => this.results.get(stage) ?? ({ stage, status: 'skipped', ms: 0 } as StageResult));
  }

  private finish<S extends ProbeStage>(
    stage: S,
    status: StageResult['status'],
    details?: StageDetailsMap[S],
    note?: string,
  ): void {
    // A stage judged again after it ended (a reset noticed later) keeps the time it took.
    const ms =
      this.running?.stage === stage
        ? Math.round(performance.now() - this.running.since)
        : (this.results.get(stage)?.ms ?? 0);
    if (this.running?.stage === stage) this.running = undefined;
    const result = { stage, status, ms, ...(details ? { details } : {}), ...(note ? { note } : {}) } as StageResult;
    this.results.set(stage, result);
    this.emit({ stage, status, ms, ...(details ? { details } : {}) });
  }

  private emit(event: StageProgress): void {
    try {
      this.onStage?.(event);
    } catch {
      // A failing progress listener must not change the verdict.
    }
  }
}
