/**
 * One connection test at a time: starts `runProbe` with a run id chosen here, follows its `probeStage` events
 * (ticks and milliseconds as they happen) and ends with the report. Cancel goes through `cancelProbe`.
 */
import { assistant } from '@renderer/bridge/assistant';
import { call } from '@renderer/bridge/call';
import type { ChannelInput } from '@shared/ipc/contract';
import type { ProbeStage } from '@shared/probe/codes';
import type { ProbeReport, StageStatus } from '@shared/probe/report';
import { useCallback, useEffect, useRef, useState } from 'react';

export type StageView = { status: StageStatus | 'running' | 'pending'; ms: number };
export type StageMap = Partial<Record<ProbeStage, StageView>>;

export type ProbeRun =
  | { phase: 'idle' }
  | { phase: 'running'; runId: string; stages: StageMap }
  | { phase: 'done'; report: ProbeReport; stages: StageMap }
  | { phase: 'error'; code: string; message: string };

const newRunId = () => `ui-${crypto.randomUUID()}`;

/** Stage states from a finished report, for results shown without a live run (e.g. after a restart). */
export function stagesFromReport(report: ProbeReport): StageMap {
  return Object.fromEntries(report.stages.map((s) => [s.stage, { status: s.status, ms: s.ms }])) as StageMap;
}

export function useProbe() {
  const [run, setRun] = useState<ProbeRun>({ phase: 'idle' });
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      assistant.on('probeStage', (e) => {
        if (e.runId !== current.current) return;
        setRun((r) =>
          r.phase === 'running' && r.runId === e.runId
            ? { ...r, stages: { ...r.stages, [e.stage]: { status: e.status, ms: e.ms } } }
            : r,
        );
      }),
    [],
  );

  const start = useCallback(async (input: Omit<ChannelInput<'runProbe'>, 'runId'>): Promise<ProbeReport | null> => {
    const runId = newRunId();
    current.current = runId;
    setRun({ phase: 'running', runId, stages: {} });
    const r = await call(() => assistant.runProbe({ ...input, runId }));
    if (current.current !== runId) return null;
    current.current = null;
    if (!r.ok) {
      setRun({ phase: 'error', code: r.error.code, message: r.error.message });
      return null;
    }
    setRun({ phase: 'done', report: r.value, stages: stagesFromReport(r.value) });
    return r.value;
  }, []);

  const cancel = useCallback(async () => {
    const runId = current.current;
    if (runId) await call(() => assistant.cancelProbe({ runId }));
  }, []);

  /** Shows an earlier report (from the store) as if it had just finished. */
  const show = useCallback((report: ProbeReport) => {
    if (current.current) return;
    setRun({ phase: 'done', report, stages: stagesFromReport(report) });
  }, []);

  return { run, start, cancel, show };
}
