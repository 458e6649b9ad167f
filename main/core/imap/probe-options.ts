/** What a caller may tune about one connection test: cancellation, progress, time limits, trust and name lookup. */
import type { MechanismPreference } from './auth-stage';
import type { AddressLookup, NameResolver } from './dns-stage';
import type { StageProgress } from './stage-recorder';

/** Per-stage caps; each is further cut to what is left of the overall deadline. */
export interface StageTimeouts {
  dns: number;
  tcp: number;
  tls: number;
  greeting: number;
  /** Each IMAP command (CAPABILITY, STARTTLS, login, STATUS). */
  command: number;
}

export const DEFAULT_STAGE_TIMEOUTS: StageTimeouts = {
  dns: 5000,
  tcp: 10_000,
  tls: 8000,
  greeting: 8000,
  command: 10_000,
};

export interface ProbeOptions {
  signal?: AbortSignal;
  onStage?: (event: StageProgress) => void;
  /** Overall budget; the report arrives by then (plus a little bookkeeping). Default 20 s. */
  deadlineMs?: number;
  stageTimeouts?: Partial<StageTimeouts>;
  /** Extra trust anchors (PEM), on top of the public roots and NODE_EXTRA_CA_CERTS. */
  ca?: string[];
  /** Name resolution; defaults to the operating system's resolver. Tests inject one. */
  lookup?: AddressLookup;
  /** Asked directly when `lookup` finds nothing (offline or misspelt?); defaults to the system's DNS servers. */
  resolver?: NameResolver;
  /** Password login method; 'auto' (default) takes the fewest round trips. Support and tests may force one. */
  authMechanism?: MechanismPreference;
  /**
   * Plain IMAP without TLS, allowed only when the connected address is loopback: the OAuth bridge on this computer
   * as agorum core's Server-Typ IMAP reaches it. `security` is then ignored.
   */
  plainOnLoopback?: boolean;
}
