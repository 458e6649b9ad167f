import net from 'node:net';
import { performance } from 'node:perf_hooks';

import type { ConnectAttempt, ResolvedAddress, TcpDetails } from '@shared/probe/report';

import { classifyConnectError, errnoOf, ProbeCancelled, StageFailure } from './failure';
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

/**
 * TCP stage: tries each resolved address in turn (each gets a fair share of the stage budget) and records what
 * happened per address. Fails with the most telling code: a refusal beats a timeout beats "unreachable".
 */
export async function connectStage(
  addresses: ResolvedAddress[],
  port: number,
  budget: RunBudget,
  capMs: number,
): Promise<{ socket: net.Socket; details: TcpDetails }> {
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
      // Errors of the raw socket surface through TLS or the IMAP reader; this guard only keeps a late one (e.g.
      // after STARTTLS hands the socket over) from becoming an uncaught 'error' event in the main process.
      socket.on('error', () => {});
      attempt.result = 'connected';
      attempt.ms = Math.round(performance.now() - started);
      return { socket, details: { attempts, connected: attempt.address } };
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
