/**
 * One connection's bridge engine inside the app: started and stopped on the admin's command (and with the app),
 * watched through its status events. Each change is turned into what the view needs — recent problems with their
 * diagnosis codes, the needs-sign-in episode (one notification until it heals) — and announced with `onChange`.
 */
import type { BridgeConfig } from '@shared/bridge/config';
import type { BridgeErrorEntry, BridgeTestView } from '@shared/bridge/host-view';
import type { BridgeNeedsSignIn, BridgeStatus } from '@shared/bridge/status';

import { type Bridge, type BridgeDeps, BridgeStartError, createBridge } from '../bridge/bridge';
import { createSelfSignedCertificate } from '../bridge/self-signed-cert';
import type { Logger } from '../log/logger';
import type { BridgeRuntimeFacts } from './bridge-view';
import { withError } from './bridge-view';
import { BRIDGE_ACCOUNT_ID } from './engine-config';

export interface HostedBridgeOptions {
  engineDeps: Omit<BridgeDeps, 'certificate'>;
  log: Logger;
  now: () => Date;
  onChange(): void;
  /** The refresh token died: called once per episode (until a refresh succeeds again). */
  onNeedsSignIn(event: BridgeNeedsSignIn): void;
}

export class HostedBridge {
  private engine: Bridge | null = null;
  private status: BridgeStatus | null = null;
  private unsubscribe: (() => void)[] = [];
  private startProblem: BridgeRuntimeFacts['startProblem'] = null;
  private needsSignIn: BridgeRuntimeFacts['needsSignIn'] = null;
  private errors: BridgeErrorEntry[] = [];
  /** The local password generated in this session: for copying and for the test, never written anywhere. */
  password: string | null = null;
  lastTest: BridgeTestView | null = null;
  testRun: { runId: string; control: AbortController } | null = null;
  /** A TLS listener's certificate, made once per session so a restart of the engine keeps its fingerprint. */
  private certificate: { cert: string; key: string } | null = null;

  constructor(private readonly opts: HostedBridgeOptions) {}

  get running(): boolean {
    return this.engine !== null;
  }

  get listener() {
    return this.status?.state === 'listening' ? this.status.listener : null;
  }

  /** The certificate a test of a TLS listener trusts (PEM); null for plain listeners. */
  get certificatePem(): string | null {
    return this.certificate?.cert ?? null;
  }

  facts(): BridgeRuntimeFacts {
    return {
      status: this.engine ? (this.engine.status() ?? this.status) : null,
      startProblem: this.startProblem,
      needsSignIn: this.needsSignIn,
      errors: this.errors,
      passwordCopyable: this.password !== null,
      test: { runningId: this.testRun?.runId ?? null, last: this.lastTest },
    };
  }

  private record(entry: Omit<BridgeErrorEntry, 'at'> & { at?: string }): void {
    this.errors = withError(this.errors, { at: entry.at ?? this.opts.now().toISOString(), ...entry });
  }

  /** Turns one status into recent problems: new failed logins, refused passwords, cut sessions, failed refreshes. */
  private observe(next: BridgeStatus): void {
    const before = this.status;
    this.status = next;
    const was = before?.accounts[0];
    const now = next.accounts[0];
    if (next.counters.loginsRejected > (before?.counters.loginsRejected ?? 0)) {
      this.record({
        code: 'BRIDGE_PASSWORD_WRONG',
        kind: 'login',
        message: 'A client logged in with a wrong local password.',
      });
    }
    if (now?.lastLogin && now.lastLogin.code !== 'OK' && now.lastLogin.at !== was?.lastLogin?.at) {
      this.record({ at: now.lastLogin.at, code: now.lastLogin.code, kind: 'login', message: now.lastLogin.message });
    }
    if (now?.lastSessionEnd && now.lastSessionEnd.code !== 'OK' && now.lastSessionEnd.at !== was?.lastSessionEnd?.at) {
      const end = now.lastSessionEnd;
      this.record({ at: end.at, code: end.code, kind: 'session', message: end.message });
    }
    if (now?.refreshProblem && now.refreshProblem.at !== was?.refreshProblem?.at) {
      const p = now.refreshProblem;
      this.record({ at: p.at, code: p.code, kind: 'token', message: p.message });
    }
    // The episode ends when a refresh works again (a new sign-in as the mailbox user).
    if (this.needsSignIn && now?.refresh === 'ok') this.needsSignIn = null;
    this.opts.onChange();
  }

  async start(config: BridgeConfig): Promise<void> {
    if (this.engine) await this.stop();
    if ((config.listen.tls?.mode ?? 'none') !== 'none') {
      this.certificate ??= createSelfSignedCertificate(['localhost', config.listen.host]);
    }
    const engine = createBridge(config, {
      ...this.opts.engineDeps,
      ...(this.certificate ? { certificate: this.certificate } : {}),
    });
    this.unsubscribe = [
      engine.on('bridgeStatus', (s) => this.observe(s)),
      engine.on('bridgeNeedsSignIn', (e) => {
        if (this.needsSignIn) return;
        this.needsSignIn = { since: e.at, diagnosisCode: e.diagnosisCode };
        this.opts.onNeedsSignIn(e);
        this.opts.onChange();
      }),
    ];
    this.engine = engine;
    try {
      this.status = await engine.start();
      this.startProblem = null;
    } catch (err) {
      this.detach();
      this.engine = null;
      this.status = null;
      const at = this.opts.now().toISOString();
      const problem =
        err instanceof BridgeStartError
          ? { code: err.code, message: err.message, alternatives: err.alternatives, at }
          : { code: 'BRIDGE_BIND_FAILED' as const, message: 'The bridge could not start.', alternatives: [], at };
      this.startProblem = problem;
      this.record({ at, code: problem.code, kind: 'start', message: problem.message });
      this.opts.onChange();
      throw err;
    } finally {
      this.opts.onChange();
    }
  }

  async stop(graceMs = 2000): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    this.startProblem = null;
    this.detach();
    if (engine) {
      await engine
        .stop({ graceMs })
        .catch((err: unknown) => this.opts.log.warn('the bridge did not stop cleanly', err));
    }
    this.status = null;
    this.opts.onChange();
  }

  /** New settings that keep the listener (a new password hash): the running engine takes them at once. */
  reload(config: BridgeConfig): void {
    this.engine?.reloadAccounts(config.accounts);
  }

  /** After a new sign-in: renews the token now, so the status heals without waiting for agorum's next login. */
  async renew(): Promise<void> {
    await this.engine?.renewTokens(BRIDGE_ACCOUNT_ID);
  }

  private detach(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
  }
}
