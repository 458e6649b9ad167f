import net from 'node:net';
import { performance } from 'node:perf_hooks';

import type { ConnectAttempt, ResolvedAddress, TcpDetails } from '@shared/probe/report';

import { classifyConnectError, errnoOf, isResetErrno, ProbeCancelled, resetErrnoOf, StageFailure } from './failure';
import type { RunBudget } from './run-budget';
import { socketReady } from './socket-wait';

/** Below this, splitting the budget over several addresses would starve each of them. */
const MIN_ATTEMPT_MS = 1000;

function connectOnce(target: ResolvedAddress, port: number, signal: AbortSignal): Promise<net.Socket> {
  return socketReady(
    net.connect({ host: target.address, port, family: target.family, noDelay: true }),
    'connect',
    signal,
  );
}

class AttemptTimeout extends Error {}

export interface TcpConnection {
  socket: net.Socket;
  details: TcpDetails;
  /** The reset error the raw socket reported itself, if any. */
  reset(): string | undefined;
}

const resetFailure = (port: number, details: TcpDetails, list: string) =>
  new StageFailure<'tcp'>(
    'TCP_RESET',
    `The connection on port ${port} was cut off (reset or closed) before the server sent anything (${list}).`,
    details,
    'tcp',
  );

/**
 * TCP stage: tries each resolved address in turn (each gets a fair share of the stage budget) and records what
 * happened per address. Fails with the most telling code: a reset (something took the connection and tore it
 * down) beats a refusal beats a timeout beats "unreachable".
 */
export async function connectStage(
  addresses: ResolvedAddress[],
  port: number,
  budget: RunBudget,
  capMs: number,
): Promise<TcpConnection> {
  const stageEnd = performance.now() + budget.cap(capMs);
  const attempts: ConnectAttempt[] = addresses.map((a) => ({ ...a, result: 'not-tried', ms: 0 }));
  for (const [index, attempt] of attempts.entries()) {
    const left = stageEnd - performance.now();
    if (left <= 0) break;
    const share = Math.max(left / (attempts.length - index), Math.min(MIN_ATTEMPT_MS, left));
    const started = performance.now();
    try {
      const socket = await budget.bounded(
        share,
        () => new AttemptTimeout(),
        (signal) => connectOnce(attempt, port, signal),
      );
      // Errors of the raw socket mostly surface through TLS or the IMAP reader; this listener keeps a late one
      // (after STARTTLS hands the socket over) from becoming an uncaught 'error' event, and remembers a reset the
      // socket read before TLS took it over — TLS then only sees a socket that is gone.
      let reset: string | undefined;
      socket.on('error', (err) => (reset ??= resetErrnoOf(err)));
      attempt.result = 'connected';
      attempt.ms = Math.round(performance.now() - started);
      return { socket, details: { attempts, connected: attempt.address }, reset: () => reset };
    } catch (err) {
      if (err instanceof ProbeCancelled) throw err;
      attempt.ms = Math.round(performance.now() - started);
      const errno = err instanceof AttemptTimeout ? 'ETIMEDOUT' : errnoOf(err);
      attempt.result = err instanceof AttemptTimeout ? 'timeout' : classifyConnectError(errno);
      if (errno) attempt.error = errno;
    }
  }
  const details: TcpDetails = { attempts };
  const tried = attempts.filter((a) => a.result !== 'not-tried');
  const list = tried.map((a) => `${a.address} ${a.result}`).join(', ');
  if (tried.some((a) => a.result === 'reset')) throw resetFailure(port, details, list);
  if (tried.some((a) => a.result === 'refused')) {
    throw new StageFailure('TCP_REFUSED', `The connection was refused on port ${port} (${list}).`, details);
  }
  if (tried.length === 0 || tried.some((a) => a.result === 'timeout')) {
    throw new StageFailure(
      'TCP_TIMEOUT',
      `No answer to the connection request on port ${port} (${list || 'no time left'}).`,
      details,
    );
  }
  throw new StageFailure('TCP_UNREACHABLE', `The server cannot be reached on port ${port} (${list}).`, details);
}

function resetAfterConnect(errno: string | undefined, port: number, tcp: TcpConnection): StageFailure<'tcp'> {
  const attempts = tcp.details.attempts.map((a) =>
    a.address === tcp.details.connected ? { ...a, result: 'reset' as const, ...(errno ? { error: errno } : {}) } : a,
  );
  const list = attempts
    .filter((a) => a.result !== 'not-tried')
    .map((a) => `${a.address} ${a.result}`)
    .join(', ');
  return resetFailure(port, { attempts }, list);
}

/**
 * Runs the first wait after connecting: the TLS handshake, or the plain greeting for STARTTLS. Whether a reset
 * arrives while connecting, just after, or in answer to the TLS hello depends on timing alone, so a reset before the
 * server's first byte ends here exactly like one during connect: TCP_RESET at the TCP stage. During a TLS handshake
 * Node sometimes reports a reset as a plain close ("Client network socket disconnected before secure TLS connection
 * was established"), so there a close counts too. A plain socket always tells a reset from a close; a close before
 * the greeting stays CONNECTION_LOST (typically a TLS port asked for STARTTLS).
 */
export async function untilFirstByte<T>(
  tcp: TcpConnection,
  port: number,
  wait: 'tls' | 'plain-greeting',
  work: () => Promise<T>,
): Promise<T> {
  const early = tcp.reset();
  if (early && tcp.socket.bytesRead === 0) throw resetAfterConnect(early, port, tcp);
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof StageFailure) || tcp.socket.bytesRead > 0) throw err;
    const errno = isResetErrno(err.errno) ? err.errno : tcp.reset();
    const closedDuringTls = wait === 'tls' && err.code === 'TLS_HANDSHAKE_FAILED';
    if (errno || closedDuringTls) throw resetAfterConnect(errno, port, tcp);
    throw err;
  }
}
