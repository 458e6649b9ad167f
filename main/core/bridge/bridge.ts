/**
 * The OAuth bridge engine: a local IMAP endpoint that accepts the mail adapter's password login and signs in to
 * the account's fixed upstream with XOAUTH2, then relays bytes. Host-agnostic (plain Node): the desktop app and
 * the headless server mode both call `createBridge(config, deps)` and differ only in the token store they pass.
 *
 *   const bridge = createBridge(config, { tokenStore, log });
 *   await bridge.start();            // BridgeStartError with a code (and alternatives) when it cannot listen
 *   bridge.on('bridgeStatus', (s) => …); bridge.on('bridgeNeedsSignIn', (e) => …);
 *   bridge.reloadAccounts(config.accounts);
 *   await bridge.stop();             // closes the listener, lets sessions finish within shutdownSeconds
 */
import net from 'node:net';
import tls from 'node:tls';

import type { INetworkModule } from '@azure/msal-node';

import { type BridgeAccountConfig, type BridgeConfig, listenPort } from '../../shared/bridge/config';
import type { BridgeEventMap, BridgeEventName, BridgeStatus, ListenerStatus } from '../../shared/bridge/status';
import type { AddressLookup } from '../imap/dns-stage';
import type { StageTimeouts } from '../imap/probe';
import { type Logger, nullLogger } from '../log/logger';
import { bind, BridgeStartError, checkExposure, createAllowlist } from './listener';
import { VerifiedPasswords } from './local-password';
import { type Account, type LoginContext, runLogin } from './login-flow';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleOptions } from './login-throttle';
import { PreLogin } from './prelogin';
import { createSelfSignedCertificate, fingerprintOf } from './self-signed-cert';
import { StatusBoard } from './status-board';
import { TokenProvider } from './token-provider';
import type { TokenStore } from './token-store';
import { UPSTREAM_DEADLINE_MS } from './upstream-session';
import { WarmUpstream } from './warm-upstream';

export { BridgeStartError } from './listener';

const RELAY_BUFFER_BYTES = 256 * 1024;
/** Stands in for a client's password where the token store does not use it (the keychain). */
const KEYCHAIN_RENEWAL = '\u0000keychain-renewal';

export interface BridgeDeps {
  tokenStore: TokenStore;
  log?: Logger;
  /** The listener's certificate (PEM); without one a TLS listener gets a fresh self-signed certificate. */
  certificate?: { cert: string; key: string };
  /** Extra trust anchors for the upstream (tests, TLS-inspecting networks the admin trusts). */
  upstreamCa?: string[];
  /** MSAL's HTTP client (tests route it to the local sign-in service). */
  msalNetworkClient?: INetworkModule;
  lookup?: AddressLookup;
  stageTimeouts?: Partial<StageTimeouts>;
  throttle?: ThrottleOptions;
  now?: () => number;
}

export interface Bridge {
  start(): Promise<BridgeStatus>;
  /** Stops listening at once; open sessions may finish for `graceMs` (default limits.shutdownSeconds), then are cut. */
  stop(opts?: { graceMs?: number }): Promise<void>;
  status(): BridgeStatus;
  on<K extends BridgeEventName>(name: K, listener: (payload: BridgeEventMap[K]) => void): () => void;
  /** Takes a new account list without a restart; sessions of removed accounts keep running until they end. */
  reloadAccounts(accounts: BridgeAccountConfig[]): void;
  /**
   * Keychain token stores only (the desktop app): asks for an access token now, so a new sign-in of the mailbox
   * user heals the account's status at once instead of at the next client login. Never throws; the status says.
   */
  renewTokens(accountId: string): Promise<void>;
}

export function createBridge(config: BridgeConfig, deps: BridgeDeps): Bridge {
  const log = (deps.log ?? nullLogger).child('bridge');
  const now = deps.now ?? Date.now;
  const board = new StatusBoard(() => new Date(now()));
  const tlsMode = config.listen.tls?.mode ?? 'none';
  const host = config.listen.host;
  const allowed = createAllowlist(config.listen.allow);
  const sockets = new Set<net.Socket>();
  let accounts = new Map<string, Account>();
  let server: net.Server | undefined;
  let secureContext: tls.SecureContext | undefined;
  let fingerprint: string | undefined;
  let seq = 0;

  const upstream = {
    ...(deps.upstreamCa ? { ca: deps.upstreamCa } : {}),
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
    ...(deps.stageTimeouts ? { stageTimeouts: deps.stageTimeouts } : {}),
    lifetimeMs: config.limits.preLoginSeconds * 1000 + UPSTREAM_DEADLINE_MS,
  };
  const ctx: LoginContext = {
    accounts: () => accounts,
    passwords: new VerifiedPasswords(),
    throttle: new LoginThrottle(deps.throttle ?? DEFAULT_THROTTLE, now),
    board,
    limits: () => config.limits,
    upstream,
    log,
    now,
  };

  function reloadAccounts(list: BridgeAccountConfig[]): void {
    const next = new Map<string, Account>();
    for (const a of list) {
      const prior = [...accounts.values()].find((p) => p.config.id === a.id);
      if (prior && prior.config.passwordHash !== a.passwordHash) ctx.passwords.forget(a.id);
      const tokens =
        prior?.tokens ??
        new TokenProvider(a, {
          store: deps.tokenStore,
          ...(deps.msalNetworkClient ? { networkClient: deps.msalNetworkClient } : {}),
          log,
          now,
          onChange: (h) => board.tokens(a.id, h),
        });
      tokens.update(a);
      next.set(a.mailbox.toLowerCase(), { config: a, tokens });
    }
    accounts = next;
    board.setAccounts(list);
  }
  reloadAccounts(config.accounts);

  /**
   * Pre-connecting pays off only when every login goes to the same upstream, and is left out while that upstream
   * asked the bridge to back off (no connection at all is the politest answer to throttling).
   */
  const warmTarget = () => {
    const list = [...accounts.values()];
    const targets = new Set(list.map((a) => `${a.config.upstream.host.toLowerCase()}:${a.config.upstream.port}`));
    const backingOff = list.some((a) => Date.parse(board.account(a.config.id)?.throttledUntil ?? '') > now());
    return targets.size === 1 && !backingOff ? list[0]!.config.upstream : undefined;
  };

  function refuse(raw: net.Socket, id: number, line: string, why: string): void {
    board.refused();
    log.warn(`#${id} refused ${raw.remoteAddress ?? '?'}: ${why}`);
    raw.end(`${line}\r\n`);
    setTimeout(() => raw.destroy(), 1000).unref();
  }

  function onConnection(raw: net.Socket): void {
    const id = ++seq;
    raw.on('error', () => {});
    const address = raw.remoteAddress ?? '?';
    if (!allowed(raw.remoteAddress))
      return refuse(
        raw,
        id,
        '* BYE [UNAVAILABLE] Connections from this address are not allowed.',
        'not in listen.allow',
      );
    if (board.openConnections >= config.limits.connections) {
      return refuse(
        raw,
        id,
        `* BYE [LIMIT] Too many connections to the bridge (limit ${config.limits.connections}).`,
        `limits.connections (${config.limits.connections}) reached`,
      );
    }
    sockets.add(raw);
    board.connectionOpened();
    raw.setNoDelay(true);
    // Keepalive finds peers that vanished (a sleeping laptop, a dropped VPN) during a long IDLE.
    raw.setKeepAlive(true, 60_000);
    let socket: net.Socket = raw;
    if (tlsMode === 'implicit') {
      socket = new tls.TLSSocket(raw, { isServer: true, secureContext: secureContext! });
      socket.on('error', (err) => {
        log.info(`#${id} TLS with ${address} failed: ${err.message}`);
        raw.destroy();
      });
    }
    const target = warmTarget();
    const warm = target ? new WarmUpstream(target, upstream) : undefined;
    log.debug(`#${id} connection from ${address}`);
    const limits = config.limits;
    const pre = new PreLogin({
      socket,
      tls: tlsMode,
      ...(secureContext ? { secureContext } : {}),
      // Password logins in the clear only where nothing leaves the machine.
      plaintextLogin: tlsMode === 'none',
      maxLineBytes: limits.lineBytes,
      idleMs: limits.preLoginIdleSeconds * 1000,
      totalMs: limits.preLoginSeconds * 1000,
      onBytes: (n) => board.bytes('client', n),
      note: (event, detail) => log.info(`#${id} ${address}: ${event}${detail ? ` (${detail})` : ''}`),
      authenticate: (login) => runLogin(ctx, { ...login, id, address, ...(warm ? { warm } : {}) }),
    });
    void pre
      .run()
      .catch((err: unknown) => log.error(`#${id} unexpected failure`, err))
      .finally(() => {
        warm?.dispose();
        socket.destroy();
        raw.destroy();
        sockets.delete(raw);
        board.connectionClosed();
      });
  }

  function listenerStatus(port: number): ListenerStatus {
    return {
      host,
      port,
      tls: tlsMode,
      ...(fingerprint ? { certificateFingerprint256: fingerprint } : {}),
      allow: [...config.listen.allow],
    };
  }

  return {
    async start() {
      if (server) return board.snapshot();
      checkExposure(host, tlsMode, config.listen.allow);
      if (tlsMode !== 'none') {
        const certificate = deps.certificate ?? createSelfSignedCertificate(['localhost', host]);
        try {
          secureContext = tls.createSecureContext({
            key: certificate.key,
            cert: certificate.cert,
            minVersion: 'TLSv1.2',
          });
          fingerprint = fingerprintOf(certificate.cert);
        } catch (err) {
          throw new BridgeStartError(
            'BRIDGE_TLS_INVALID',
            `The listener certificate or key is not usable: ${(err as Error).message}`,
          );
        }
      }
      board.setState('starting');
      // A deeper write buffer towards the client keeps a big FETCH flowing while this process waits for the CPU;
      // it fills only while a client reads slower than the upstream sends.
      const candidate = net.createServer({ highWaterMark: RELAY_BUFFER_BYTES }, onConnection);
      try {
        const port = await bind(candidate, host, listenPort(config.listen));
        server = candidate;
        board.setState('listening', listenerStatus(port));
        log.info(
          `listening on ${host}:${port} (TLS: ${tlsMode}${fingerprint ? `, SHA-256 ${fingerprint}` : ''}) for ${accounts.size} account(s)`,
        );
      } catch (err) {
        board.setState('stopped', null);
        log.error(`cannot listen: ${(err as Error).message}`);
        throw err;
      }
      return board.snapshot();
    },

    async stop(opts = {}) {
      const running = server;
      if (!running) return;
      server = undefined;
      board.setState('stopping');
      const closed = new Promise<void>((resolve) => running.close(() => resolve()));
      const graceMs = opts.graceMs ?? config.limits.shutdownSeconds * 1000;
      const until = Date.now() + graceMs;
      while (sockets.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      if (sockets.size > 0) log.info(`stopping: cutting ${sockets.size} open connection(s) after ${graceMs} ms`);
      for (const s of sockets) s.destroy();
      await closed;
      board.setState('stopped', null);
      log.info('stopped');
    },

    status: () => board.snapshot(),
    on: (name, listener) => board.on(name, listener),
    reloadAccounts,
    async renewTokens(accountId) {
      // Sealed stores derive their key from the client's password, which only a client login brings.
      if (deps.tokenStore.kind !== 'keychain') return;
      const account = [...accounts.values()].find((a) => a.config.id === accountId);
      await account?.tokens.accessToken(KEYCHAIN_RENEWAL).catch(() => undefined);
    },
  };
}
