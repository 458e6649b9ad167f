/**
 * The live stages of running tests, from main's `probeStage` events, by run id (the view says which test runs
 * under which id). Kept for the last few runs only.
 */
import type { ProbeStage } from '@shared/probe/codes';
import type { ProbeReport, StageStatus } from '@shared/probe/report';
import { useSyncExternalStore } from 'react';

import { assistant } from './assistant';

export type StageView = { status: StageStatus | 'running' | 'pending'; ms: number };
export type StageMap = Partial<Record<ProbeStage, StageView>>;

const KEPT_RUNS = 8;
const runs = new Map<string, StageMap>();
const listeners = new Set<() => void>();
let started = false;

function start(): void {
  if (started) return;
  started = true;
  assistant.on('probeStage', (e) => {
    const stages = { ...runs.get(e.runId), [e.stage]: { status: e.status, ms: e.ms } };
    runs.delete(e.runId);
    runs.set(e.runId, stages);
    for (const id of [...runs.keys()].slice(0, Math.max(0, runs.size - KEPT_RUNS))) runs.delete(id);
    listeners.forEach((l) => l());
  });
}

function subscribe(listener: () => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const EMPTY: StageMap = {};

/** The stages of one run so far (empty before its first event). */
export function useLiveStages(runId: string | undefined): StageMap {
  return useSyncExternalStore(subscribe, () => (runId ? (runs.get(runId) ?? EMPTY) : EMPTY));
}

/** Stage states of a finished report. */
export function stagesFromReport(report: ProbeReport): StageMap {
  return Object.fromEntries(report.stages.map((s) => [s.stage, { status: s.status, ms: s.ms }])) as StageMap;
}
