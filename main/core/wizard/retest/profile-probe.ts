import { permanentVerdict } from '@shared/diagnosis/diagnose';
import { AppError } from '@shared/ipc/result';
import type { ProbeReport } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';

import type { RetestProbeResult } from './scheduler';

export interface ProfileProbeDeps {
  /** The saved connection settings (throws PROFILE_NOT_FOUND for an unknown id). */
  profile(profileId: string): { host: string; port: number; security: string; mailboxUser: string };
  /** The saved app password, main-side only; null when none is saved. */
  getSecret(profileId: string): Promise<string | null>;
  /** The connection test (main/core/imap/probe.ts `probe`). */
  probe(input: ProbeInput): Promise<ProbeReport>;
  /** Keeps the report as the profile's latest (the store's recordReport), so the UI and setup report show it. */
  onReport?(profileId: string, report: ProbeReport): void;
}

/**
 * One automatic retest: a full connection test with the profile's saved settings and app password. Only the code
 * and outcome go back to the scheduler; the report is handed to `onReport` and the secret goes nowhere else.
 */
export function createProfileProbe(deps: ProfileProbeDeps): (profileId: string) => Promise<RetestProbeResult> {
  return async (profileId) => {
    const p = deps.profile(profileId);
    const secret = await deps.getSecret(profileId);
    if (!secret) throw new AppError('SECRET_NOT_SAVED', 'No app password is saved for this profile.');
    const report = await deps.probe({
      host: p.host,
      port: p.port,
      security: p.security,
      user: p.mailboxUser,
      credential: { kind: 'password', password: secret },
    });
    try {
      deps.onReport?.(profileId, report);
    } catch {
      // Keeping the report is a convenience; the retest goes on with the result.
    }
    return { code: report.code, ok: report.ok, permanent: permanentVerdict(report) };
  };
}
