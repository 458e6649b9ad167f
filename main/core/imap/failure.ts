import type { ProbeCode, ProbeStage } from '@shared/probe/codes';
import type { StageDetailsMap } from '@shared/probe/report';

/**
 * The one way a stage ends the probe: a stable code plus a short English note and optional evidence.
 * Thrown inside the probe only; `probe()` turns it into a report and never lets it escape.
 * Messages are written by the probe itself and never contain a credential.
 */
export class StageFailure<S extends ProbeStage = ProbeStage> extends Error {
  constructor(
    readonly code: ProbeCode,
    readonly note: string,
    readonly details?: Partial<StageDetailsMap[S]>,
    /** Set when the failure belongs to another stage than the one running (e.g. STARTTLS refused during greeting). */
    readonly stage?: S,
    /** The system error behind it (ECONNRESET, ...), when there was one. */
    readonly errno?: string,
  ) {
    super(note);
    this.name = 'StageFailure';
  }
}

/** The caller's AbortSignal fired. */
export class ProbeCancelled extends Error {
  constructor() {
    super('The probe was cancelled.');
    this.name = 'ProbeCancelled';
  }
}

/** Error codes of a connection the peer (or a device on the way) tore down with a reset. */
export const isResetErrno = (code: string | undefined): boolean =>
  code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE';

/**
 * The error code when `err` is a reset. Node also reports a plain close during a TLS handshake as ECONNRESET, but
 * without a system call behind it; only errors that came from a socket call count.
 */
export function resetErrnoOf(err: unknown): string | undefined {
  const code = errnoOf(err);
  const syscall = typeof err === 'object' && err !== null ? (err as { syscall?: unknown }).syscall : undefined;
  return isResetErrno(code) && typeof syscall === 'string' ? code : undefined;
}

/** What a socket-level error code means for a connection attempt. */
export function classifyConnectError(
  code: string | undefined,
): 'refused' | 'reset' | 'unreachable' | 'timeout' | 'error' {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'ECONNABORTED':
      return 'reset';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      return 'unreachable';
    default:
      return 'error';
  }
}

/** Resolver error codes that mean "this name does not exist" rather than "the resolver could not answer". */
export const isNameNotFound = (code: string | undefined): boolean =>
  code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME' || code === 'NXDOMAIN';

export const errnoOf = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : undefined;
