/**
 * The bridge's part of the wizard's view, derived from the stored settings and what the running engine reports.
 * Pure (no Node, no engine), so every rule about a bridge's state is applied in one place and tested without sockets.
 */
import { bridgePortOf, type DesktopBehaviour, type StoredBridge } from '@shared/bridge/host-settings';
import type {
  AgorumValues,
  BridgeErrorEntry,
  BridgeListEntry,
  BridgeRunState,
  BridgeSummaryState,
  BridgesView,
  BridgeTestView,
  BridgeView,
} from '@shared/bridge/host-view';
import { BRIDGE_RUN_STATES } from '@shared/bridge/host-view';
import { serverType } from '@shared/bridge/server-type';
import {
  type AccountStatus,
  type BridgeStartCode,
  type BridgeStatus,
  historyOf,
  type ListenAlternative,
} from '@shared/bridge/status';

/** What the host knows about one connection's bridge beyond its settings. */
export interface BridgeRuntimeFacts {
  status: BridgeStatus | null;
  startProblem: { code: BridgeStartCode; message: string; alternatives: ListenAlternative[]; at: string } | null;
  needsSignIn: { since: string; diagnosisCode: string } | null;
  errors: readonly BridgeErrorEntry[];
  passwordCopyable: boolean;
  test: { runningId: string | null; last: BridgeTestView | null };
}

export const MAX_RECENT_ERRORS = 10;

const accountOf = (status: BridgeStatus | null): AccountStatus | null => status?.accounts[0] ?? null;

/** Upstream trouble that a running bridge shows: a failed last login, a failing refresh, throttling now. */
function upstreamFailing(account: AccountStatus | null, now: Date): boolean {
  if (!account) return false;
  if (account.refresh === 'failing') return true;
  if (account.throttledUntil && Date.parse(account.throttledUntil) > now.getTime()) return true;
  if (account.lastLogin === null || account.lastLogin.code === 'OK') return false;
  // A login that failed for want of a token is over once a refresh works again (a new sign-in healed it).
  return !(TOKEN_CODES.has(account.lastLogin.code) && account.refresh === 'ok');
}

const TOKEN_CODES = new Set(['NEEDS_SIGN_IN', 'TOKEN_UNAVAILABLE', 'TOKEN_STORE_FAILED']);

export function runState(facts: BridgeRuntimeFacts, now: Date): BridgeRunState {
  const account = accountOf(facts.status);
  if (facts.needsSignIn || account?.refresh === 'needs-sign-in') return 'needs-sign-in';
  const state = facts.status?.state ?? 'stopped';
  if (state === 'listening') return upstreamFailing(account, now) ? 'upstream-failing' : 'running';
  if (state === 'starting') return 'starting';
  return facts.startProblem ? 'start-failed' : 'stopped';
}

export function agorumValues(bridge: StoredBridge, mailbox: string): AgorumValues {
  const type = serverType(bridge.serverType);
  const port = bridgePortOf(bridge);
  return {
    serverType: type.id,
    serverTypeLabel: type.label,
    emailHost: bridge.host,
    emailPath: 'INBOX',
    emailUser: mailbox,
    port,
    portIsStandard: port === type.port,
  };
}

export function bridgeView(bridge: StoredBridge, mailbox: string, facts: BridgeRuntimeFacts, now: Date): BridgeView {
  const history = historyOf(accountOf(facts.status));
  const listening = facts.status?.state === 'listening' ? facts.status.listener : null;
  return {
    settings: {
      agorumRuns: bridge.agorumRuns,
      serverType: bridge.serverType,
      host: bridge.host,
      port: bridgePortOf(bridge),
      portFollowsServerType: bridge.port === null,
      tls: bridge.tls,
      allow: [...bridge.allow],
      enabled: bridge.enabled,
      passwordSet: bridge.passwordHash !== null,
      passwordSetAt: bridge.passwordSetAt,
      passwordCopyable: facts.passwordCopyable,
    },
    agorum: agorumValues(bridge, mailbox),
    state: runState(facts, now),
    listening,
    startedAt: listening ? (facts.status?.startedAt ?? null) : null,
    startProblem: listening ? null : facts.startProblem,
    connections: facts.status?.connections ?? 0,
    sessions: facts.status?.sessions ?? 0,
    lastLogin: history.lastLogin,
    lastSessionEnd: history.lastSessionEnd,
    tokenValidUntil: history.accessTokenExpiresAt,
    refresh: history.refresh,
    refreshProblem: history.refreshProblem,
    throttledUntil: history.throttledUntil,
    needsSignIn: facts.needsSignIn,
    recentErrors: [...facts.errors].slice(0, MAX_RECENT_ERRORS),
    counters: facts.status ? { ...facts.status.counters } : null,
    test: { runningId: facts.test.runningId, last: facts.test.last },
  };
}

/** One connection's line in the list across connections (header, banner, tray). */
export function listEntry(
  profileId: string,
  profile: { displayName: string; mailboxUser: string },
  bridge: StoredBridge,
  facts: BridgeRuntimeFacts,
  now: Date,
): BridgeListEntry {
  const state = runState(facts, now);
  const values = agorumValues(bridge, profile.mailboxUser);
  return {
    profileId,
    displayName: profile.displayName,
    mailbox: profile.mailboxUser,
    state,
    address: `${values.emailHost}:${values.port}`,
    sessions: facts.status?.sessions ?? 0,
    needsSignInSince:
      state === 'needs-sign-in'
        ? (facts.needsSignIn?.since ?? facts.status?.accounts[0]?.refreshProblem?.at ?? now.toISOString())
        : null,
  };
}

const severity = (s: BridgeRunState) => BRIDGE_RUN_STATES.indexOf(s);

/** The header's one state: the worst of all connections' bridges. */
export function summaryOf(entries: readonly Pick<BridgeListEntry, 'state'>[]): BridgeSummaryState {
  if (entries.length === 0) return 'none';
  return entries.reduce<BridgeRunState>(
    (worst, e) => (severity(e.state) < severity(worst) ? e.state : worst),
    'stopped',
  );
}

export function bridgesView(
  entries: BridgeListEntry[],
  desktop: DesktopBehaviour,
  desktopControls: boolean,
): BridgesView {
  const sorted = [...entries].sort(
    (a, b) => severity(a.state) - severity(b.state) || a.displayName.localeCompare(b.displayName, 'de'),
  );
  return {
    summary: summaryOf(sorted),
    entries: sorted,
    needsSignIn: sorted
      .filter((e) => e.needsSignInSince !== null)
      .sort((a, b) => a.needsSignInSince!.localeCompare(b.needsSignInSince!)),
    desktop: { ...desktop },
    desktopControls,
  };
}

/** Newest first, at most MAX_RECENT_ERRORS. */
export function withError(errors: readonly BridgeErrorEntry[], entry: BridgeErrorEntry): BridgeErrorEntry[] {
  return [entry, ...errors].slice(0, MAX_RECENT_ERRORS);
}
