/**
 * *Brücke testen*: the product's own connection test, pointed at the bridge the way agorum core's mail adapter
 * reaches it — password login at the bridge's address (plain on loopback for Server-Typ IMAP, STARTTLS or TLS
 * otherwise, trusting the bridge's own certificate), then STATUS INBOX through it to Exchange. Same live stages,
 * timings and report; the verdict adds what the bridge knows about its upstream side.
 */
import { randomUUID } from 'node:crypto';

import { bridgePortOf } from '@shared/bridge/host-settings';
import type { BridgeTestView } from '@shared/bridge/host-view';
import { AppError } from '@shared/ipc/result';
import type { ProbeReport, ProbeStageEvent } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';

import type { ProbeOptions } from '../imap/probe';
import type { BridgeHost, ChangeQueue } from './bridge-host';
import { bridgeTestVerdict } from './test-verdict';

export interface BridgeProofDeps {
  host: BridgeHost;
  change: () => ChangeQueue;
  probe(input: ProbeInput, options: ProbeOptions): Promise<ProbeReport>;
  probeOptions?: Omit<ProbeOptions, 'signal' | 'onStage'>;
}

export function createBridgeProof(deps: BridgeProofDeps) {
  return {
    /** `password`: what the admin typed (agorum's E-Mail-Passwort); else the one generated in this session. */
    async test(profileId: string, typed: string | undefined, onStage?: (e: ProbeStageEvent) => void) {
      const { host } = deps;
      const change = deps.change();
      let run: { runId: string; control: AbortController } | undefined;
      let password = '';
      await change(() => {
        const bridge = host.stored(profileId);
        const h = host.hosted(profileId);
        if (!bridge.passwordHash)
          throw new AppError('BRIDGE_NO_PASSWORD', 'Generate the local password for agorum core first.');
        password = typed ?? h.password ?? '';
        if (!password) {
          throw new AppError(
            'BRIDGE_PASSWORD_NEEDED',
            'Type the E-Mail-Passwort agorum core has: the generated one is shown only in the session that made it.',
          );
        }
        if (h.testRun)
          throw new AppError('TEST_ALREADY_RUNNING', 'A bridge test of this connection is already running.');
        run = { runId: `bridge-${randomUUID()}`, control: new AbortController() };
        h.testRun = run;
      });
      const started = run!;
      const h = host.hosted(profileId);
      const bridge = host.stored(profileId);
      const before = h.facts().status;
      const beforeLogin = before?.accounts[0]?.lastLogin?.at ?? null;
      const beforeRejected = before?.counters.loginsRejected ?? 0;
      const ca = h.certificatePem;
      let report: ProbeReport;
      try {
        report = await deps.probe(
          {
            host: bridge.host,
            port: bridgePortOf(bridge),
            security: bridge.tls === 'implicit' ? 'tls' : 'starttls',
            user: host.mailbox(profileId),
            credential: { kind: 'password', password },
          },
          {
            ...deps.probeOptions,
            ...(ca ? { ca: [...(deps.probeOptions?.ca ?? []), ca] } : {}),
            ...(bridge.tls === 'none' ? { plainOnLoopback: true } : {}),
            signal: started.control.signal,
            onStage: (e) => onStage?.({ runId: started.runId, ...e }),
          },
        );
      } catch (err) {
        await change(() => {
          if (h.testRun === started) h.testRun = null;
        });
        throw err;
      }
      return change(() => {
        if (h.testRun === started) h.testRun = null;
        const after = h.facts().status?.accounts[0];
        const login = after?.lastLogin && after.lastLogin.at !== beforeLogin ? after.lastLogin : null;
        const rejected = (h.facts().status?.counters.loginsRejected ?? 0) > beforeRejected;
        const verdict = bridgeTestVerdict(report, { upstream: login, passwordRejected: rejected });
        const last: BridgeTestView = { report, code: verdict.code, upstream: verdict.upstream };
        h.lastTest = last;
      });
    },

    cancel(profileId: string): { cancelled: boolean } {
      const run = deps.host.hosted(profileId).testRun;
      run?.control.abort();
      return { cancelled: run !== null };
    },
  };
}
