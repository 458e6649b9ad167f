/**
 * The most recent test report of a profile, of one kind (network check or full test): the one from this session
 * when there is one (so leaving a step and coming back keeps its result), else the newest the store kept
 * (so a restart shows it too).
 */
import { assistant } from '@renderer/bridge/assistant';
import { call } from '@renderer/bridge/call';
import type { ProbeReport } from '@shared/probe/report';
import { stageOf } from '@shared/probe/report';
import { useEffect, useState } from 'react';

export type ReportKind = 'network' | 'full';

const looksLikeReport = (value: unknown): value is ProbeReport =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as ProbeReport).stages) &&
  typeof (value as ProbeReport).code === 'string';

export const isNetworkOnly = (report: ProbeReport): boolean => stageOf(report, 'input')?.details?.networkOnly === true;

const thisSession = new Map<string, ProbeReport>();
const keyOf = (profileId: string, kind: ReportKind) => `${profileId}:${kind}`;

/** Remembers a finished test for the rest of the session. */
export function rememberReport(profileId: string, report: ProbeReport): void {
  thisSession.set(keyOf(profileId, isNetworkOnly(report) ? 'network' : 'full'), report);
}

export function useLastReport(profileId: string | undefined, kind: ReportKind): ProbeReport | undefined {
  const remembered = profileId ? thisSession.get(keyOf(profileId, kind)) : undefined;
  // Kept with the profile it belongs to, so a switch never shows another profile's report.
  const [stored, setStored] = useState<{ profileId: string; report: ProbeReport | undefined }>();
  useEffect(() => {
    if (!profileId || remembered) return;
    let alive = true;
    void call(() => assistant.listTestReports({ profileId }), { quiet: true }).then((r) => {
      if (!alive || !r.ok) return;
      const matching = r.value
        .map((s) => s.report)
        .filter(looksLikeReport)
        .filter((rep) => isNetworkOnly(rep) === (kind === 'network'));
      setStored({ profileId, report: matching[matching.length - 1] });
    });
    return () => {
      alive = false;
    };
  }, [profileId, kind, remembered]);
  return remembered ?? (stored && stored.profileId === profileId ? stored.report : undefined);
}
