/**
 * One client login, from the verified local password to the relay: the account's limits and upstream backoff,
 * then the access token and the (pre-connected) upstream in parallel, XOAUTH2, the client's OK with the upstream's
 * capabilities, and the byte relay until either side ends. Every outcome is recorded with its diagnosis code.
 */
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import type { BridgeAccountConfig, BridgeLimits } from '../../shared/bridge/config';
import type { Logger } from '../log/logger';
import type { ClientReader } from './client-reader';
import type { VerifiedPasswords } from './local-password';
import type { LoginThrottle } from './login-throttle';
import type { LoginVerdict } from './prelogin';
import { type Refusal, refusalLine } from './refusals';
import { relay, type RelayEnd } from './relay';
import type { StatusBoard } from './status-board';
import { TokenProblem, type TokenProvider } from './token-provider';
import {
  authenticateUpstream,
  connectUpstream,
  type GreetedUpstream,
  UPSTREAM_DEADLINE_MS,
  UpstreamFailure,
  type UpstreamOptions,
} from './upstream-session';
import type { WarmUpstream } from './warm-upstream';

export interface Account {
  config: BridgeAccountConfig;
  tokens: TokenProvider;
}

export interface LoginContext {
  accounts: () => Map<string, Account>;
  passwords: VerifiedPasswords;
  throttle: LoginThrottle;
  board: StatusBoard;
  limits: () => BridgeLimits;
  upstream: UpstreamOptions;
  log: Logger;
  now: () => number;
}

export interface LoginRequest {
  tag: string;
  user: string;
  password: string;
  socket: Socket;
  reader: ClientReader;
  id: number;
  address: string;
  warm?: WarmUpstream;
}

const sleep = (ms: number, socket: Socket) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      socket.off('close', done);
      resolve();
    }
    socket.once('close', done);
  });

const send = (socket: Socket, line: string) => {
  if (!socket.destroyed && socket.writable) socket.write(`${line}\r\n`);
};

/** A connection that went stale while waiting (the upstream dropped it) is worth exactly one fresh try. */
async function greetedUpstream(
  ctx: LoginContext,
  req: LoginRequest,
  account: BridgeAccountConfig,
  signal: AbortSignal,
): Promise<GreetedUpstream> {
  const warm = req.warm?.take(account.upstream, signal);
  if (warm) {
    try {
      const upstream = await warm;
      if (!upstream.session.conn.ended) return upstream;
      upstream.close();
    } catch (err) {
      if (!(err instanceof UpstreamFailure) || err.code !== 'CONNECTION_LOST') throw err;
    }
  }
  return connectUpstream(account.upstream, ctx.upstream, signal);
}

function describeEnd(
  end: RelayEnd,
): { code: 'SERVER_BYE' | 'SERVER_UNAVAILABLE' | 'CONNECTION_LOST'; message: string } | undefined {
  const ended = end.upstreamEnd;
  if (ended?.kind === 'bye') {
    const unavailable = /\[UNAVAILABLE\]/i.test(ended.line);
    return {
      code: unavailable ? 'SERVER_UNAVAILABLE' : 'SERVER_BYE',
      message: `The upstream ended the session: ${ended.line}`,
    };
  }
  if (ended?.kind === 'dropped')
    return { code: 'CONNECTION_LOST', message: 'The upstream closed the session without a word.' };
  return undefined;
}

export async function runLogin(ctx: LoginContext, req: LoginRequest): Promise<LoginVerdict> {
  const started = performance.now();
  const account = ctx.accounts().get(req.user.trim().toLowerCase());
  const verified = await ctx.passwords.check(account?.config.id ?? '', req.password, account?.config.passwordHash);
  if (!verified || !account) {
    const delay = ctx.throttle.fail(req.address);
    ctx.board.loginRejected();
    // Never the typed user name when it is unknown: people paste passwords into the wrong field.
    ctx.log.warn(
      `#${req.id} login refused from ${req.address}: ${account ? `wrong password for ${account.config.mailbox}` : 'unknown user'} (${ctx.throttle.recentFailures(req.address)} recent failures, answer delayed ${delay} ms)`,
    );
    await sleep(delay, req.socket);
    send(req.socket, `${req.tag} NO [AUTHENTICATIONFAILED] Invalid credentials.`);
    return req.socket.destroyed ? 'closed' : 'retry';
  }
  ctx.throttle.succeed(req.address);
  const { config, tokens } = account;
  const upstreamName = `${config.upstream.host}:${config.upstream.port}`;
  const refuse = (r: Refusal, message: string): LoginVerdict => {
    send(req.socket, `${req.tag} ${refusalLine(r, config.mailbox, upstreamName)}`);
    ctx.board.loginResult(config.id, r.code, message, performance.now() - started);
    ctx.log.warn(
      `#${req.id} login ${config.mailbox} from ${req.address}: ${r.code}${r.detail ? ` (${r.detail})` : ''} — ${message}`,
    );
    return req.socket.destroyed ? 'closed' : 'retry';
  };

  const status = ctx.board.account(config.id);
  const limit = ctx.limits().sessionsPerAccount;
  if ((status?.sessions ?? 0) >= limit) {
    ctx.board.refused();
    return refuse({ code: 'SESSION_LIMIT' }, `${limit} sessions are open (limits.sessionsPerAccount).`);
  }
  const throttledUntil = status?.throttledUntil ? Date.parse(status.throttledUntil) : 0;
  if (throttledUntil > ctx.now()) {
    // Asking again while Exchange says "back off" only extends the penalty; the client hears it from us.
    return refuse(
      { code: 'AUTH_THROTTLED', backoffMs: throttledUntil - ctx.now() },
      'Still inside the backoff the upstream asked for; not contacted.',
    );
  }

  ctx.board.sessionDelta(config.id, 1);
  const login = new AbortController();
  const onClose = () => login.abort();
  req.socket.once('close', onClose);
  const deadline = setTimeout(() => login.abort(), UPSTREAM_DEADLINE_MS);
  let upstream: GreetedUpstream | undefined;
  try {
    const [token, greeted] = await Promise.allSettled([
      tokens.accessToken(req.password),
      greetedUpstream(ctx, req, config, login.signal),
    ]);
    if (greeted.status === 'fulfilled') upstream = greeted.value;
    if (token.status === 'rejected') throw token.reason;
    if (greeted.status === 'rejected') throw greeted.reason;
    const auth = await authenticateUpstream(greeted.value, config.mailbox, token.value);
    clearTimeout(deadline);
    send(req.socket, `${req.tag} OK [CAPABILITY ${auth.capabilities.join(' ')}] Logged in through the bridge.`);
    const ms = performance.now() - started;
    ctx.board.throttled(config.id, null);
    ctx.board.loginResult(config.id, 'OK', `Signed in at ${upstreamName} with XOAUTH2.`, ms);
    ctx.log.info(
      `#${req.id} login ${config.mailbox} from ${req.address}: OK via ${upstreamName} in ${Math.round(ms)} ms`,
    );
    req.socket.off('close', onClose);
    const end = await relay({
      client: req.socket,
      upstream: auth.socket,
      clientRemainder: req.reader.release(),
      upstreamRemainder: auth.remainder,
      onBytes: (from, n) => ctx.board.bytes(from, n),
    });
    const problem = end.notConnected
      ? {
          code: 'MAILBOX_NOT_CONNECTED' as const,
          message: 'The upstream answered "User is authenticated but not connected".',
        }
      : describeEnd(end);
    if (problem) ctx.board.sessionEnded(config.id, problem.code, problem.message);
    if (end.notConnected) ctx.board.loginResult(config.id, 'MAILBOX_NOT_CONNECTED', problem!.message, ms);
    ctx.log.info(
      `#${req.id} session ${config.mailbox} ended by ${end.by}${problem ? ` (${problem.code})` : ''}: ${end.bytesFromClient} bytes up, ${end.bytesFromUpstream} down`,
    );
    return 'relaying';
  } catch (err) {
    upstream?.close();
    if (req.socket.destroyed) {
      ctx.log.info(`#${req.id} login ${config.mailbox}: the client left during the upstream login`);
      return 'closed';
    }
    if (err instanceof TokenProblem) return refuse({ code: err.code, detail: err.diagnosisCode }, err.message);
    if (err instanceof UpstreamFailure) {
      // Only a suggested wait is a backoff; a plain connection limit ([LIMIT]) clears as soon as a session ends.
      if (err.code === 'AUTH_THROTTLED' && err.backoffMs !== undefined)
        ctx.board.throttled(config.id, new Date(ctx.now() + err.backoffMs));
      if (err.code === 'AUTH_FAILED') tokens.invalidate();
      const code = login.signal.aborted && err.code !== 'AUTH_FAILED' ? 'TIMEOUT' : err.code;
      return refuse({ code, ...(err.backoffMs !== undefined ? { backoffMs: err.backoffMs } : {}) }, err.message);
    }
    ctx.log.error(`#${req.id} login ${config.mailbox}: unexpected failure`, err);
    return refuse({ code: 'CONNECTION_LOST' }, 'Unexpected failure in the bridge.');
  } finally {
    clearTimeout(deadline);
    req.socket.off('close', onClose);
    ctx.board.sessionDelta(config.id, -1);
  }
}
