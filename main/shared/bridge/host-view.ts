/**
 * The bridge as the wizard's view carries it (derived in main/core/bridge-host): per connection its settings,
 * what agorum core must be given, whether it runs and how its logins and tokens are; across connections the one
 * worst state for the header and what the banner needs. Never a secret: no password, hash or token.
 */
import type { ProbeReport } from '../probe/report';
import type { AgorumPlace, BridgeTlsMode, DesktopBehaviour } from './host-settings';
import type { ServerTypeId } from './server-type';
import type {
  BridgeCounters,
  BridgeStartCode,
  ListenAlternative,
  ListenerStatus,
  LoginOutcome,
  RefreshHealth,
} from './status';

/**
 * One connection's bridge, worst first in this list's order of severity:
 * - needs-sign-in: the refresh token is dead; the mailbox user must sign in again (the banner's one action);
 * - start-failed: it should run but could not listen (port taken, address missing …), see `startProblem`;
 * - upstream-failing: it listens, but the last upstream login or token refresh failed, or Exchange throttles;
 * - starting / running: listening (or about to);
 * - stopped: set up but not running (the admin stopped it, or it was never started).
 */
export const BRIDGE_RUN_STATES = [
  'needs-sign-in',
  'start-failed',
  'upstream-failing',
  'starting',
  'running',
  'stopped',
] as const;
export type BridgeRunState = (typeof BRIDGE_RUN_STATES)[number];

/** The header's compact indicator: the worst state across connections, or 'none' without any bridge. */
export type BridgeSummaryState = BridgeRunState | 'none';

/** agorum core's form, field by field (its own names), as the bridge needs it filled in. */
export interface AgorumValues {
  /** Server-Typ as the form shows it (IMAP, IMAPS (SSL/TLS)). */
  serverType: ServerTypeId;
  serverTypeLabel: string;
  /** E-Mail-Host: the bridge's address. */
  emailHost: string;
  /** E-Mail-Pfad. */
  emailPath: 'INBOX';
  /** E-Mail-Benutzer: the mailbox address (the bridge signs in upstream as this user). */
  emailUser: string;
  /** The form has no port field: the port is reached only when it is the Server-Typ's standard port. */
  port: number;
  portIsStandard: boolean;
}

/** The settings as the admin chose them, without the password hash. */
export interface BridgeSettingsView {
  agorumRuns: AgorumPlace;
  serverType: ServerTypeId;
  host: string;
  /** The port in use: the chosen one or the Server-Typ's standard port. */
  port: number;
  /** No port was chosen: it follows the Server-Typ. */
  portFollowsServerType: boolean;
  tls: BridgeTlsMode;
  allow: string[];
  /** Started with the app. */
  enabled: boolean;
  /** A local password exists (only its hash is kept). */
  passwordSet: boolean;
  passwordSetAt: string | null;
  /**
   * The password generated in this session can still be copied by main (`copyBridgeValue` 'password'); after a
   * restart it cannot be shown again, only replaced.
   */
  passwordCopyable: boolean;
}

/** Something the bridge ran into, with the diagnosis code the UI looks text up by. */
export interface BridgeErrorEntry {
  at: string;
  /**
   * Bridge test codes (BRIDGE_*), the engine's login codes (NEEDS_SIGN_IN, AUTH_FAILED, SERVER_BYE …), start
   * codes (BRIDGE_PORT_IN_USE …) or sign-in codes (REFRESH_EXPIRED, AADSTS…).
   */
  code: string;
  /** Where it happened: a start, a client login, a relayed session's end, a token refresh. */
  kind: 'start' | 'login' | 'session' | 'token';
  /** Short English sentence for support; the UI shows the localized text of `code`. */
  message: string;
}

/** The outcome of `testBridge`, by the bridge's own diagnosis vocabulary (main/shared/diagnosis/entries-bridge.ts). */
export const BRIDGE_TEST_CODES = [
  'OK',
  /** Nothing listens on the bridge's address (it is stopped, or failed to start). */
  'BRIDGE_NOT_RUNNING',
  /** Something else answers on the bridge's address (agorum core's own IMAP server, say). */
  'BRIDGE_PORT_TAKEN',
  /** No local password was generated yet. */
  'BRIDGE_NO_PASSWORD',
  /** The bridge refused the local password (it was regenerated since agorum got it, or mistyped). */
  'BRIDGE_PASSWORD_WRONG',
  /** The mailbox's sign-in is gone: sign in again as the mailbox user. */
  'BRIDGE_NEEDS_SIGN_IN',
  /** No access token right now (sign-in service unreachable or failing). */
  'BRIDGE_TOKEN_UNAVAILABLE',
  /** Exchange refused the OAuth sign-in (IMAP off for the mailbox, an authentication policy, consent). */
  'BRIDGE_UPSTREAM_REFUSED',
  /** Exchange accepted the sign-in but could not open the mailbox ("authenticated but not connected"). */
  'BRIDGE_MAILBOX_NOT_CONNECTED',
  /** Exchange asks the bridge to back off (Suggested Backoff Time). */
  'BRIDGE_UPSTREAM_THROTTLED',
  /** Exchange could not be reached or was not trustworthy (network, TLS, BYE, timeouts). */
  'BRIDGE_UPSTREAM_UNAVAILABLE',
  /** The bridge's session limit for the mailbox is reached. */
  'BRIDGE_SESSION_LIMIT',
  /** Cancelled by the admin. */
  'BRIDGE_TEST_CANCELLED',
  /** Anything else: the probe's own code and diagnosis apply (see `report.code`). */
  'BRIDGE_TEST_FAILED',
] as const;
export type BridgeTestCode = (typeof BRIDGE_TEST_CODES)[number];

export interface BridgeTestView {
  /** The connection test's report of the login at the bridge (password, then STATUS INBOX through it). */
  report: ProbeReport;
  code: BridgeTestCode;
  /** What the bridge recorded about the upstream side (its login code, the sign-in diagnosis code). */
  upstream: { code: string; detail: string | null } | null;
}

export interface BridgeView {
  settings: BridgeSettingsView;
  agorum: AgorumValues;
  state: BridgeRunState;
  /** Where it listens now; null when it does not. */
  listening: ListenerStatus | null;
  startedAt: string | null;
  /** Why the last start failed, with free alternatives for a taken port; null once it runs or is stopped. */
  startProblem: { code: BridgeStartCode; message: string; alternatives: ListenAlternative[]; at: string } | null;
  /** Client connections open now (before and after login) and relaying sessions now. */
  connections: number;
  sessions: number;
  /** The last login by agorum (or any client) that reached the upstream: time, result code, milliseconds. */
  lastLogin: LoginOutcome | null;
  lastSessionEnd: LoginOutcome | null;
  /** When the in-memory access token expires (renewed ahead of it). */
  tokenValidUntil: string | null;
  refresh: RefreshHealth;
  refreshProblem: { code: string; at: string; message: string } | null;
  throttledUntil: string | null;
  /** The refresh token is dead since `since`: what the banner shows, with the sign-in diagnosis code. */
  needsSignIn: { since: string; diagnosisCode: string } | null;
  /** The last ten problems, newest first. */
  recentErrors: BridgeErrorEntry[];
  counters: BridgeCounters | null;
  /** The run id of a `testBridge` running now (its `probeStage` events carry it), and the last test's outcome. */
  test: { runningId: string | null; last: BridgeTestView | null };
}

/** One connection's bridge in the list across connections (header, banner, tray). */
export interface BridgeListEntry {
  profileId: string;
  displayName: string;
  mailbox: string;
  state: BridgeRunState;
  /** `host:port` it listens on (or would). */
  address: string;
  sessions: number;
  needsSignInSince: string | null;
}

export interface BridgesView {
  summary: BridgeSummaryState;
  /** Every connection that has a bridge set up, worst state first. */
  entries: BridgeListEntry[];
  /** The connections whose mailbox user must sign in again (the banner), oldest first. */
  needsSignIn: BridgeListEntry[];
  desktop: DesktopBehaviour;
  /** Keep-running, start-with-the-computer and the close question exist only in the desktop app. */
  desktopControls: boolean;
}

/** What `checkBridgePort` found at an address. */
export interface BridgePortCheck {
  host: string;
  port: number;
  /** Free to listen on, or already held by this connection's own bridge. */
  free: boolean;
  ownBridge: boolean;
  /** Why it cannot be used, when it cannot (BRIDGE_PORT_IN_USE, BRIDGE_PORT_PRIVILEGED, BRIDGE_ADDRESS_UNAVAILABLE …). */
  problem: { code: BridgeStartCode; message: string } | null;
  /** What answers there: an IMAP server (agorum core's own, typically) with its greeting, or something else. */
  occupant: { speaksImap: boolean; greeting: string | null } | null;
  /** Addresses that are free right now: the same port on another loopback address, then another port. */
  alternatives: ListenAlternative[];
}
