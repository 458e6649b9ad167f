/**
 * The bridge's status as one plain object, changed only through these methods, each of which emits
 * `bridgeStatus` with a fresh copy. Byte counters change on every chunk and are therefore read, not announced:
 * they ride along with the next lifecycle event or a `status()` call.
 */
import type { BridgeAccountConfig } from '../../shared/bridge/config';
import {
  type AccountStatus,
  type BridgeCounters,
  type BridgeEventMap,
  type BridgeEventName,
  type BridgeLoginCode,
  type BridgeState,
  type BridgeStatus,
  historyOf,
  type ListenerStatus,
  type LoginOutcome,
} from '../../shared/bridge/status';
import type { TokenHealth } from './token-provider';

type Listener<K extends BridgeEventName> = (payload: BridgeEventMap[K]) => void;

const emptyCounters = (): BridgeCounters => ({
  connections: 0,
  refused: 0,
  loginsOk: 0,
  loginsRejected: 0,
  loginsFailedUpstream: 0,
  bytesFromClients: 0,
  bytesFromUpstream: 0,
});

export class StatusBoard {
  private state: BridgeState = 'stopped';
  private listener: ListenerStatus | null = null;
  private startedAt: string | null = null;
  private connections = 0;
  readonly counters: BridgeCounters = emptyCounters();
  private accounts = new Map<string, AccountStatus>();
  private readonly listeners = new Map<BridgeEventName, Set<Listener<BridgeEventName>>>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  on<K extends BridgeEventName>(name: K, fn: Listener<K>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(fn as Listener<BridgeEventName>);
    this.listeners.set(name, set);
    return () => set.delete(fn as Listener<BridgeEventName>);
  }

  emit<K extends BridgeEventName>(name: K, payload: BridgeEventMap[K]): void {
    for (const fn of this.listeners.get(name) ?? []) {
      try {
        fn(payload);
      } catch {
        // A failing listener (a closed window) must not break a session.
      }
    }
  }

  snapshot(): BridgeStatus {
    const accounts = [...this.accounts.values()].map((a) => structuredClone(a));
    return {
      state: this.state,
      listener: this.listener ? structuredClone(this.listener) : null,
      startedAt: this.startedAt,
      connections: this.connections,
      sessions: accounts.reduce((n, a) => n + a.sessions, 0),
      accounts,
      counters: { ...this.counters },
    };
  }

  private changed(): void {
    this.emit('bridgeStatus', this.snapshot());
  }

  setState(state: BridgeState, listener?: ListenerStatus | null): void {
    this.state = state;
    if (listener !== undefined) this.listener = listener;
    if (state === 'listening') this.startedAt = this.now().toISOString();
    if (state === 'stopped') this.startedAt = null;
    this.changed();
  }

  /** Keeps the history of accounts that stay; new ones start empty, removed ones disappear. */
  setAccounts(accounts: BridgeAccountConfig[]): void {
    const next = new Map<string, AccountStatus>();
    for (const a of accounts) {
      const prior = this.accounts.get(a.id);
      next.set(a.id, {
        id: a.id,
        mailbox: a.mailbox,
        upstream: { host: a.upstream.host, port: a.upstream.port },
        ...historyOf(prior),
      });
    }
    this.accounts = next;
    this.changed();
  }

  account(id: string): AccountStatus | undefined {
    return this.accounts.get(id);
  }

  connectionOpened(): void {
    this.connections++;
    this.counters.connections++;
    this.changed();
  }

  connectionClosed(): void {
    this.connections = Math.max(0, this.connections - 1);
    this.changed();
  }

  get openConnections(): number {
    return this.connections;
  }

  refused(): void {
    this.counters.refused++;
    this.changed();
  }

  loginRejected(): void {
    this.counters.loginsRejected++;
    this.changed();
  }

  sessionDelta(accountId: string, delta: 1 | -1): void {
    const a = this.accounts.get(accountId);
    if (a) a.sessions = Math.max(0, a.sessions + delta);
    this.changed();
  }

  private outcome(code: BridgeLoginCode, message: string, ms?: number): LoginOutcome {
    return { at: this.now().toISOString(), code, message, ...(ms !== undefined ? { ms: Math.round(ms) } : {}) };
  }

  loginResult(accountId: string, code: BridgeLoginCode, message: string, ms?: number): void {
    if (code === 'OK') this.counters.loginsOk++;
    else this.counters.loginsFailedUpstream++;
    const a = this.accounts.get(accountId);
    if (a) a.lastLogin = this.outcome(code, message, ms);
    this.changed();
  }

  sessionEnded(accountId: string, code: BridgeLoginCode, message: string): void {
    const a = this.accounts.get(accountId);
    if (a) a.lastSessionEnd = this.outcome(code, message);
    this.changed();
  }

  throttled(accountId: string, until: Date | null): void {
    const a = this.accounts.get(accountId);
    if (a) a.throttledUntil = until?.toISOString() ?? null;
    this.changed();
  }

  tokens(accountId: string, health: TokenHealth): void {
    const a = this.accounts.get(accountId);
    if (!a) return;
    const before = a.refresh;
    a.refresh = health.refresh;
    a.accessTokenExpiresAt = health.accessTokenExpiresAt?.toISOString() ?? null;
    a.refreshProblem = health.problem
      ? { code: health.problem.code, at: health.problem.at.toISOString(), message: health.problem.message }
      : null;
    this.changed();
    if (health.refresh === 'needs-sign-in' && before !== 'needs-sign-in') {
      this.emit('bridgeNeedsSignIn', {
        accountId,
        mailbox: a.mailbox,
        diagnosisCode: health.problem?.code ?? 'SIGN_IN_REQUIRED',
        at: this.now().toISOString(),
      });
    }
  }

  bytes(from: 'client' | 'upstream', n: number): void {
    if (from === 'client') this.counters.bytesFromClients += n;
    else this.counters.bytesFromUpstream += n;
  }
}
