/**
 * The connection test: one staged probe from input check to INBOX, bounded in time, cancellable, and always
 * ending in a report (it never throws for a network or server fault). DNS, TCP and TLS are done here with
 * node:dns/net/tls because that is where the evidence lives; the IMAP dialogue is a lean pipelined exchange
 * (see README "Connection test") so a verdict needs about four round trips.
 */
import type { Socket } from 'node:net';

import { DEFAULT_PROBE_DEADLINE_MS, type ProbeCode, type ProbeStage, type ServerProduct } from '@shared/probe/codes';
import type { InputDetails, ProbeReport, StageDetailsMap, TlsDetails } from '@shared/probe/report';
import { checkProbeInput, type ProbeInput, type ProbeSettings } from '@shared/probe/settings';

import { authStage, type MechanismPreference } from './auth-stage';
import { type AddressLookup, type NameResolver, resolveStage, systemLookup } from './dns-stage';
import { ProbeCancelled, StageFailure } from './failure';
import { capabilitiesStage, type Greeting, greetingStage } from './greeting-stage';
import { ImapConnection } from './imap-connection';
import { withoutTag } from './imap-response';
import { ImapSession } from './imap-session';
import { mailboxStage } from './mailbox-stage';
import { RunBudget } from './run-budget';
import { recogniseProduct } from './server-product';
import { type StageProgress, StageRecorder } from './stage-recorder';
import { connectStage, untilFirstByte } from './tcp-stage';
import { tlsStage, trustContext } from './tls-stage';
import { Transcript } from './transcript';

export type { AddressLookup } from './dns-stage';
export type { StageProgress } from './stage-recorder';

/** Per-stage caps; each is further cut to what is left of the overall deadline. */
export interface StageTimeouts {
  dns: number;
  tcp: number;
  tls: number;
  greeting: number;
  /** Each IMAP command (CAPABILITY, STARTTLS, login, STATUS). */
  command: number;
}

const isLoopbackAddress = (address: string) =>
  /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);

/** How long a LOGOUT may take to reach the kernel; the reply is never awaited. */
const LOGOUT_FLUSH_MS = 200;

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

interface ServerState {
  product: ServerProduct;
  greeting: string | null;
  capabilities: string[];
  tls: TlsDetails | null;
}

/** Runs one connection test. Resolves with a report in every case a network or server can cause. */
export async function probe(input: ProbeInput, options: ProbeOptions = {}): Promise<ProbeReport> {
  const checkedAt = new Date().toISOString();
  const budget = new RunBudget(options.deadlineMs ?? DEFAULT_PROBE_DEADLINE_MS, options.signal);
  const transcript = new Transcript(() => budget.elapsed());
  const recorder = new StageRecorder(options.onStage);
  const server: ServerState = { product: 'unknown', greeting: null, capabilities: [], tls: null };
  const sockets: Socket[] = [];
  let code: ProbeCode = 'OK';
  let decisive: ProbeStage;
  try {
    decisive = await run(input, options, { budget, transcript, recorder, server, sockets });
  } catch (err) {
    const stage = (err instanceof StageFailure ? err.stage : undefined) ?? recorder.current ?? 'input';
    decisive = stage;
    if (err instanceof ProbeCancelled) {
      code = 'CANCELLED';
      // Between stages nothing is running; the last finished stage keeps its result.
      if (recorder.current) recorder.fail(stage, undefined, 'Cancelled by the user.');
      transcript.add('note', 'cancelled');
    } else if (err instanceof StageFailure) {
      code = err.code;
      recorder.fail(stage, err.details as StageDetailsMap[ProbeStage] | undefined, err.note);
      if (stage === 'tls' && err.details) server.tls = err.details as TlsDetails;
    } else {
      throw err;
    }
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  return {
    ok: code === 'OK',
    code,
    stage: decisive,
    stages: recorder.list(),
    server: { product: server.product, greeting: server.greeting, capabilities: server.capabilities },
    tls: server.tls,
    transcript: transcript.toJSON(),
    durationMs: Math.round(budget.elapsed()),
    checkedAt,
  };
}

interface Run {
  budget: RunBudget;
  transcript: Transcript;
  recorder: StageRecorder;
  server: ServerState;
  sockets: Socket[];
}

function inputStage(input: ProbeInput, recorder: StageRecorder): ProbeSettings {
  recorder.start('input');
  const { settings, issues, notices } = checkProbeInput(input);
  const details: InputDetails = {
    host: settings.host,
    port: settings.port,
    security: settings.security,
    user: settings.user,
    credential: settings.credential?.kind ?? 'none',
    networkOnly: settings.networkOnly,
    notices,
    issues,
  };
  if (issues.length > 0) {
    throw new StageFailure<'input'>(
      'INPUT_INVALID',
      `Invalid input: ${issues.map((i) => `${i.field} (${i.reason})`).join(', ')}.`,
      details,
    );
  }
  recorder.ok('input', details);
  return settings;
}

/** The stages in order; returns the last stage that ran when everything went well. */
async function run(input: ProbeInput, options: ProbeOptions, ctx: Run): Promise<ProbeStage> {
  const { budget, transcript, recorder, server } = ctx;
  const limits = { ...DEFAULT_STAGE_TIMEOUTS, ...options.stageTimeouts };
  const settings = inputStage(input, recorder);
  budget.throwIfCancelled();

  recorder.start('dns');
  const dns = await resolveStage(settings.host, budget, limits.dns, options.lookup ?? systemLookup, options.resolver);
  recorder.ok('dns', dns);

  recorder.start('tcp');
  const tcp = await connectStage(dns.addresses, settings.port, budget, limits.tcp);
  ctx.sockets.push(tcp.socket);
  recorder.ok('tcp', tcp.details);
  transcript.add('note', `connected to ${tcp.details.connected}:${settings.port}`);

  const secure = async (plain: { session: ImapSession; greeting: Greeting } | undefined) => {
    const result = await tlsStage({
      socket: tcp.socket,
      host: settings.host,
      starttls: plain !== undefined,
      secureContext: trustContext(options.ca),
      budget,
      capMs: limits.tls,
    });
    ctx.sockets.push(result.socket);
    server.tls = result.details;
    recorder.ok('tls', result.details);
    transcript.add(
      'note',
      `TLS established (${result.details.protocol ?? '?'}, ${result.details.cipher ?? '?'}), certificate trusted`,
    );
    const conn = new ImapConnection(result.socket, transcript);
    return plain ? plain.session.continueOn(conn) : new ImapSession(conn, budget);
  };

  let session: ImapSession;
  let greeting: Greeting | undefined;
  if (options.plainOnLoopback) {
    // The OAuth bridge on this computer, as agorum core's Server-Typ IMAP reaches it: nothing leaves the machine,
    // so the clear text that is refused everywhere else is what the adapter itself will speak here.
    if (!isLoopbackAddress(tcp.details.connected ?? '')) {
      throw new StageFailure<'tls'>(
        'TLS_HANDSHAKE_FAILED',
        'Plain IMAP is allowed on loopback only; nothing was sent.',
        {
          starttls: false,
          verdict: 'handshake-failed',
          chain: [],
          error: 'not loopback',
        },
      );
    }
    recorder.skip('tls', 'Loopback connection to the bridge on this computer: no TLS, nothing leaves the machine.');
    session = new ImapSession(new ImapConnection(tcp.socket, transcript), budget);
    const plain = session;
    greeting = await untilFirstByte(tcp, settings.port, 'plain-greeting', () =>
      greetAndRecord(plain, limits.greeting, true, settings.host, ctx),
    );
  } else if (settings.security === 'starttls') {
    const plain = new ImapSession(new ImapConnection(tcp.socket, transcript), budget);
    greeting = await untilFirstByte(tcp, settings.port, 'plain-greeting', () =>
      greetAndRecord(plain, limits.greeting, true, settings.host, ctx),
    );
    recorder.start('tls');
    await startTls(plain, greeting, limits.command);
    session = await secure({ session: plain, greeting });
    greeting = undefined; // capabilities announced before TLS are not to be trusted after it
  } else {
    recorder.start('tls');
    session = await untilFirstByte(tcp, settings.port, 'tls', () => secure(undefined));
    greeting = await greetAndRecord(session, limits.greeting, false, settings.host, ctx);
  }

  recorder.start('capabilities');
  const caps = await capabilitiesStage(session, greeting, limits.command);
  server.capabilities = caps.list;
  recorder.ok('capabilities', caps);

  if (settings.networkOnly || !settings.credential) {
    recorder.skip('auth', 'Network check only: no credential was sent.');
    recorder.skip('mailbox', 'Network check only.');
    await session.logoutQuietly(LOGOUT_FLUSH_MS);
    return 'capabilities';
  }

  recorder.start('auth');
  if (greeting?.details.status === 'PREAUTH') {
    recorder.ok(
      'auth',
      { mechanism: 'PREAUTH' },
      'The server authenticated the session without credentials (PREAUTH).',
    );
  } else {
    const auth = await authStage({
      session,
      user: settings.user,
      credential: settings.credential,
      caps,
      preference: options.authMechanism ?? 'auto',
      capMs: limits.command,
    }).catch(async (err: unknown) => {
      // A refused login leaves a session the server still holds; it is ended the way IMAP ends sessions.
      if (err instanceof StageFailure) await session.logoutQuietly(LOGOUT_FLUSH_MS);
      throw err;
    });
    recorder.ok('auth', auth.details);
  }

  recorder.start('mailbox');
  const mailbox = await mailboxStage(session, limits.command);
  recorder.ok('mailbox', mailbox);
  return 'mailbox';
}

async function greetAndRecord(
  session: ImapSession,
  capMs: number,
  plaintext: boolean,
  host: string,
  ctx: Run,
): Promise<Greeting> {
  ctx.recorder.start('greeting');
  const greeting = await greetingStage(session, capMs, plaintext);
  ctx.server.greeting = greeting.details.text;
  ctx.server.product = recogniseProduct(greeting.details.text, host);
  ctx.recorder.ok('greeting', greeting.details);
  return greeting;
}

/**
 * STARTTLS on the plain connection. Any bytes the server sends after its OK and before the handshake are
 * discarded (they could be an injected response), and nothing else is sent in the clear.
 */
async function startTls(session: ImapSession, greeting: Greeting, capMs: number): Promise<void> {
  const fail = (note: string) =>
    new StageFailure<'tls'>('TLS_HANDSHAKE_FAILED', note, {
      starttls: true,
      verdict: 'handshake-failed',
      chain: [],
      error: note,
    });
  const announced = greeting.nudgeTag
    ? undefined
    : greeting.response.code === 'CAPABILITY'
      ? greeting.response.codeArgs
      : undefined;
  if (announced !== undefined && !/(^|\s)STARTTLS(\s|$)/i.test(announced)) {
    throw fail('The server does not offer STARTTLS on this port; no credentials were sent.');
  }
  if (greeting.nudgeTag) await session.complete(greeting.nudgeTag, 'tls', capMs);
  const tag = session.nextTag();
  session.conn.writeLine(`${tag} STARTTLS`);
  const { tagged } = await session.complete(tag, 'tls', capMs);
  if (tagged.kind !== 'OK') throw fail(`The server refused STARTTLS: ${withoutTag(tagged)}`);
  const unasked = session.conn.detach();
  if (unasked > 0)
    session.conn.transcript.add('note', `${unasked} bytes sent by the server before the TLS handshake were discarded`);
}
