/**
 * The bridge as data, for the desktop UI and for support: what it listens on, what each account's last upstream
 * login did, how its tokens are, and counters. Never a secret: no password, hash, token or token fingerprint.
 */
import type { ProbeCode } from '../probe/codes';

/** Why a bridge cannot start (or a listener setting is refused); stable, the UI looks text up by code. */
export const BRIDGE_START_CODES = [
  'BRIDGE_CONFIG_INVALID',
  'BRIDGE_PORT_IN_USE',
  'BRIDGE_PORT_PRIVILEGED',
  'BRIDGE_ADDRESS_UNAVAILABLE',
  'BRIDGE_TLS_REQUIRED',
  'BRIDGE_ALLOWLIST_REQUIRED',
  'BRIDGE_TLS_INVALID',
  'BRIDGE_BIND_FAILED',
] as const;
export type BridgeStartCode = (typeof BRIDGE_START_CODES)[number];

/**
 * The outcome of one client login at the bridge, by the product's diagnosis vocabulary: the probe's codes for
 * everything upstream, plus what only the bridge can know.
 */
export const BRIDGE_LOGIN_CODES = [
  /** The mailbox's refresh token is gone (expired, revoked, password changed): the mailbox user must sign in again. */
  'NEEDS_SIGN_IN',
  /** The sign-in service could not be reached or answered with an error; the token may work again later. */
  'TOKEN_UNAVAILABLE',
  /** The stored token material could not be decrypted or read. */
  'TOKEN_STORE_FAILED',
  /** A login was refused because the account's session limit is reached. */
  'SESSION_LIMIT',
] as const;
export type BridgeLoginCode = ProbeCode | (typeof BRIDGE_LOGIN_CODES)[number];

export type RefreshHealth =
  /** Nothing asked for a token yet (or the encrypted store is still locked until the first client login). */
  | 'unknown'
  | 'ok'
  /** A refresh failed for a reason that can pass (network, sign-in service trouble). */
  | 'failing'
  /** The refresh token is dead; raises bridgeNeedsSignIn. Heals by itself after a new sign-in. */
  | 'needs-sign-in';

export interface ListenerStatus {
  host: string;
  port: number;
  /** 'starttls' = plain greeting, STARTTLS offered; 'implicit' = TLS from the first byte. */
  tls: 'none' | 'starttls' | 'implicit';
  /** SHA-256 of the listener certificate (colon-separated hex), for the admin to compare in the client. */
  certificateFingerprint256?: string;
  /** Client addresses allowed; empty = loopback only. */
  allow: string[];
}

export interface LoginOutcome {
  at: string;
  code: BridgeLoginCode;
  /** Short English sentence for support (no secret). */
  message: string;
  /** Milliseconds from the client's login command to the upstream verdict. */
  ms?: number;
}

export interface AccountStatus {
  id: string;
  mailbox: string;
  upstream: { host: string; port: number };
  /** Sessions relaying now (logins in progress included). */
  sessions: number;
  lastLogin: LoginOutcome | null;
  /** How the last relayed session ended when the upstream ended it (BYE, dropped connection). */
  lastSessionEnd: LoginOutcome | null;
  accessTokenExpiresAt: string | null;
  refresh: RefreshHealth;
  refreshProblem: { code: string; at: string; message: string } | null;
  /** Upstream asked to back off (Suggested Backoff Time); logins fail fast until then. */
  throttledUntil: string | null;
}

/** What an account has lived through, as opposed to what it is configured as. */
export type AccountHistory = Omit<AccountStatus, 'id' | 'mailbox' | 'upstream'>;

/**
 * The account's history, or that of one nothing has happened to yet: what a new account starts with and what a view
 * shows while the bridge reports no account.
 */
export const historyOf = (account: AccountStatus | null | undefined): AccountHistory => ({
  sessions: account?.sessions ?? 0,
  lastLogin: account?.lastLogin ?? null,
  lastSessionEnd: account?.lastSessionEnd ?? null,
  accessTokenExpiresAt: account?.accessTokenExpiresAt ?? null,
  refresh: account?.refresh ?? 'unknown',
  refreshProblem: account?.refreshProblem ?? null,
  throttledUntil: account?.throttledUntil ?? null,
});

export interface BridgeCounters {
  connections: number;
  /** Connections refused by a limit or the allowlist. */
  refused: number;
  loginsOk: number;
  /** Wrong local password or unknown user. */
  loginsRejected: number;
  /** Local password right, upstream or token failed. */
  loginsFailedUpstream: number;
  bytesFromClients: number;
  bytesFromUpstream: number;
}

export type BridgeState = 'stopped' | 'starting' | 'listening' | 'stopping';

export interface BridgeStatus {
  state: BridgeState;
  listener: ListenerStatus | null;
  startedAt: string | null;
  /** Client connections open now (before and after login). */
  connections: number;
  /** Relaying sessions now, all accounts. */
  sessions: number;
  accounts: AccountStatus[];
  counters: BridgeCounters;
}

export interface BridgeNeedsSignIn {
  accountId: string;
  mailbox: string;
  /** The sign-in diagnosis code (REFRESH_EXPIRED, SIGN_IN_REQUIRED, AADSTS50076, ...). */
  diagnosisCode: string;
  at: string;
}

/** Typed events: `bridgeStatus` after every change of the status, `bridgeNeedsSignIn` when an account needs a sign-in. */
export interface BridgeEventMap {
  bridgeStatus: BridgeStatus;
  bridgeNeedsSignIn: BridgeNeedsSignIn;
}
export type BridgeEventName = keyof BridgeEventMap;

/** A listener address that would work instead of a refused one. */
export interface ListenAlternative {
  host: string;
  port: number;
  why: string;
}
