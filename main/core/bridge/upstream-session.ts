/**
 * The bridge's side towards Exchange Online: the connection test's own stages (DNS, TCP, TLS with full
 * verification, greeting, capabilities, XOAUTH2), with the same deadlines and diagnosis codes. It is split in two
 * so the first half can run while the client is still logging in: `connectUpstream` sends no credential at all;
 * `authenticateUpstream` runs only after the local password was verified.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

import type { ProbeCode } from '../../shared/probe/codes';
import type { CapabilityDetails } from '../../shared/probe/report';
import { authStage } from '../imap/auth-stage';
import { type AddressLookup, resolveStage, systemLookup } from '../imap/dns-stage';
import { ProbeCancelled, StageFailure } from '../imap/failure';
import { capabilitiesStage, greetingStage } from '../imap/greeting-stage';
import { ImapConnection } from '../imap/imap-connection';
import { capabilitiesOf, withoutTag } from '../imap/imap-response';
import { ImapSession } from '../imap/imap-session';
import { DEFAULT_STAGE_TIMEOUTS, type StageTimeouts } from '../imap/probe';
import { RunBudget } from '../imap/run-budget';
import { connectStage } from '../imap/tcp-stage';
import { tlsStage, trustContext } from '../imap/tls-stage';
import { Transcript } from '../imap/transcript';

/** Overall budget of one upstream login, as the probe's default deadline. */
export const UPSTREAM_DEADLINE_MS = 20_000;

export interface UpstreamTarget {
  host: string;
  port: number;
}

export interface UpstreamOptions {
  /** Extra trust anchors (PEM) for the upstream certificate, on top of the public roots. */
  ca?: string[];
  lookup?: AddressLookup;
  stageTimeouts?: Partial<StageTimeouts>;
  /** How long a pre-connected, greeted connection may wait for the client's login. */
  lifetimeMs: number;
}

/** An upstream failure: a probe code, a sentence without secrets, and (throttling) the suggested wait. */
export class UpstreamFailure extends Error {
  constructor(
    readonly code: ProbeCode,
    message: string,
    readonly backoffMs?: number,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }
}

export interface GreetedUpstream {
  target: UpstreamTarget;
  socket: TLSSocket;
  session: ImapSession;
  caps: CapabilityDetails;
  /** Destroys everything this connection opened. */
  close(): void;
}

const asFailure = (err: unknown, cancelled: () => UpstreamFailure): UpstreamFailure => {
  if (err instanceof UpstreamFailure) return err;
  if (err instanceof ProbeCancelled) return cancelled();
  if (err instanceof StageFailure) {
    const backoff = (err.details as { backoffMs?: unknown } | undefined)?.backoffMs;
    return new UpstreamFailure(err.code, err.note, typeof backoff === 'number' ? backoff : undefined);
  }
  return new UpstreamFailure('CONNECTION_LOST', err instanceof Error ? err.message : 'The upstream connection failed.');
};

/**
 * TCP + TLS + greeting + capabilities to the account's fixed upstream. Aborting `signal` (client gone, deadline)
 * destroys what was opened. Rejects with UpstreamFailure.
 */
export async function connectUpstream(
  target: UpstreamTarget,
  opts: UpstreamOptions,
  signal: AbortSignal,
): Promise<GreetedUpstream> {
  const limits = { ...DEFAULT_STAGE_TIMEOUTS, ...opts.stageTimeouts };
  const budget = new RunBudget(opts.lifetimeMs, signal);
  const transcript = new Transcript(() => budget.elapsed());
  const sockets: Socket[] = [];
  const close = () => sockets.forEach((s) => s.destroy());
  try {
    const dns = await resolveStage(target.host, budget, limits.dns, opts.lookup ?? systemLookup);
    const tcp = await connectStage(dns.addresses, target.port, budget, limits.tcp);
    sockets.push(tcp.socket);
    const tls = await tlsStage({
      socket: tcp.socket,
      host: target.host,
      starttls: false,
      secureContext: trustContext(opts.ca),
      budget,
      capMs: limits.tls,
    });
    sockets.push(tls.socket);
    // Without this, a reset after the login would be an uncaught 'error' event; the relay listens on its own.
    tls.socket.on('error', () => {});
    const session = new ImapSession(new ImapConnection(tls.socket, transcript), budget);
    const greeting = await greetingStage(session, limits.greeting, false);
    if (greeting.details.status === 'PREAUTH')
      throw new UpstreamFailure(
        'NOT_IMAP',
        'The upstream authenticated the session before login (PREAUTH); that is not Exchange Online.',
      );
    const caps = await capabilitiesStage(session, greeting, limits.command);
    return { target, socket: tls.socket, session, caps, close };
  } catch (err) {
    close();
    throw asFailure(
      err,
      () => new UpstreamFailure('TIMEOUT', `No usable connection to ${target.host}:${target.port} in time.`),
    );
  }
}

/** Capabilities the client sees after login: the upstream's, minus what only applies before login. */
export function clientCapabilities(upstream: string[]): string[] {
  return upstream.filter((c) => !/^(AUTH=.*|SASL-IR|STARTTLS|LOGINDISABLED)$/i.test(c));
}

export interface AuthenticatedUpstream {
  socket: TLSSocket;
  capabilities: string[];
  /** Bytes the upstream sent after its OK that the relay must pass on. */
  remainder: Buffer;
}

/** XOAUTH2 as the mailbox user, exactly one attempt; then the post-login capabilities (asked for if not sent). */
export async function authenticateUpstream(
  upstream: GreetedUpstream,
  user: string,
  accessToken: string,
  capMs = DEFAULT_STAGE_TIMEOUTS.command,
): Promise<AuthenticatedUpstream> {
  const { session } = upstream;
  try {
    const auth = await authStage({
      session,
      user,
      credential: { kind: 'xoauth2', accessToken },
      caps: upstream.caps,
      preference: 'auto',
      capMs,
    });
    let capabilities = auth.capabilitiesAfter;
    if (!capabilities) {
      const tag = session.nextTag();
      session.conn.writeLine(`${tag} CAPABILITY`);
      const { tagged, untagged } = await session.complete(tag, 'auth', capMs);
      capabilities = [...untagged, tagged].map(capabilitiesOf).find((l) => l !== undefined);
      if (tagged.kind !== 'OK' || !capabilities)
        throw new UpstreamFailure(
          'NOT_IMAP',
          `The upstream did not list its capabilities after login: ${withoutTag(tagged)}`,
        );
    }
    return {
      socket: upstream.socket,
      capabilities: clientCapabilities(capabilities),
      remainder: session.conn.release(),
    };
  } catch (err) {
    upstream.close();
    throw asFailure(err, () => new UpstreamFailure('TIMEOUT', 'The upstream login did not complete in time.'));
  }
}
