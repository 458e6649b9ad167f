import { randomUUID } from 'node:crypto';

import { AppError } from '@shared/ipc/result';
import type { ProbeReport } from '@shared/probe/report';
import type { Credential } from '@shared/probe/settings';

import { discover, type DiscoverOptions } from '../discovery/discover';
import type { HandlerSlice } from '../ipc/handlers';
import { probe, type ProbeOptions } from './probe';

export interface ProbeHandlerDeps {
  /** The saved secret of a profile (from the OS keychain), or null when there is none (the vault's contract). */
  getSecret: (profileId: string) => Promise<string | null>;
  /** Called with every report of a run that named a profile (to remember the last result). */
  onReport?: (profileId: string, report: ProbeReport) => void;
  /** Fixed probe options (tests add a CA or a resolver; the app uses the defaults). */
  probeOptions?: Omit<ProbeOptions, 'signal' | 'onStage'>;
  discoverOptions?: Omit<DiscoverOptions, 'signal'>;
}

/**
 * IPC handlers for the connection test. A secret travels from the keychain (or the form) into the probe and no
 * further: reports, events and errors carry none.
 */
export function createProbeHandlers(
  deps: ProbeHandlerDeps,
): HandlerSlice<'runProbe' | 'cancelProbe' | 'discoverProvider'> {
  const running = new Map<string, AbortController>();

  async function credentialFor(input: {
    password?: string;
    profileId?: string;
    networkOnly?: boolean;
  }): Promise<Credential | undefined> {
    if (input.networkOnly) return undefined;
    if (input.password !== undefined && (input.password !== '' || !input.profileId))
      return { kind: 'password', password: input.password };
    if (!input.profileId) return undefined;
    let secret: string | null;
    try {
      secret = await deps.getSecret(input.profileId);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('SECRET_UNAVAILABLE', 'The saved password could not be read from the keychain.');
    }
    return secret === null ? undefined : { kind: 'password', password: secret };
  }

  return {
    async runProbe(input, ctx) {
      const runId = input.runId ?? randomUUID();
      if (running.has(runId))
        throw new AppError('PROBE_ALREADY_RUNNING', `A test with run id ${runId} is already running.`);
      const controller = new AbortController();
      running.set(runId, controller);
      try {
        const credential = await credentialFor(input);
        const report = await probe(
          {
            host: input.host,
            port: input.port,
            security: input.security,
            user: input.user,
            networkOnly: input.networkOnly === true,
            ...(credential ? { credential } : {}),
          },
          {
            ...deps.probeOptions,
            signal: controller.signal,
            onStage: (event) => ctx.emit('probeStage', { runId, ...event }),
          },
        );
        if (input.profileId) {
          try {
            deps.onReport?.(input.profileId, report);
          } catch {
            // Remembering the result is a convenience; the caller still gets the report.
          }
        }
        return { ...report, runId };
      } finally {
        running.delete(runId);
      }
    },
    cancelProbe({ runId }) {
      const controller = running.get(runId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    discoverProvider: ({ email }) => discover(email, deps.discoverOptions),
  };
}
