import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import tls from 'node:tls';

import type { ProbeCode } from '@shared/probe/codes';
import type { TlsDetails, TlsVerdict } from '@shared/probe/report';

import { describeChain } from './certificate-info';
import { ProbeCancelled, resetErrnoOf, StageFailure } from './failure';
import type { RunBudget } from './run-budget';
import { socketReady } from './socket-wait';
import { inspectChain } from './tls-inspection';

/** Building a context from ~150 public roots costs tens of milliseconds; probes with the same anchors share one. */
const contextCache = new Map<string, tls.SecureContext>();
const CONTEXT_CACHE_LIMIT = 8;

/**
 * Trust anchors for the handshake. Without extra anchors Node's defaults apply (Mozilla roots plus
 * NODE_EXTRA_CA_CERTS). Passing `ca` replaces those defaults, so the public roots and the environment's extra file
 * are added back explicitly.
 */
export function trustContext(extraCa: string[] | undefined): tls.SecureContext | undefined {
  if (!extraCa || extraCa.length === 0) return undefined;
  const envFile = process.env.NODE_EXTRA_CA_CERTS;
  let envPem: string[] = [];
  if (envFile) {
    try {
      envPem = [readFileSync(envFile, 'utf8')];
    } catch {
      // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; so do we, by ignoring it.
    }
  }
  const key = [...envPem, ...extraCa].join('\n');
  let context = contextCache.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: [...tls.rootCertificates, ...envPem, ...extraCa], minVersion: 'TLSv1.2' });
    if (contextCache.size >= CONTEXT_CACHE_LIMIT) contextCache.delete(contextCache.keys().next().value as string);
    contextCache.set(key, context);
  }
  return context;
}

const EXPIRY_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function verdictOf(
  authorizationError: string | undefined,
  hostnameError: string | undefined,
): { verdict: TlsVerdict; code?: ProbeCode } {
  if (authorizationError && EXPIRY_ERRORS.has(authorizationError)) return { verdict: 'expired', code: 'TLS_EXPIRED' };
  if (authorizationError) return { verdict: 'untrusted', code: 'TLS_UNTRUSTED' };
  if (hostnameError) return { verdict: 'hostname-mismatch', code: 'TLS_HOSTNAME_MISMATCH' };
  return { verdict: 'trusted' };
}

function handshake(options: tls.ConnectionOptions, signal: AbortSignal): Promise<tls.TLSSocket> {
  return socketReady(
    tls.connect(options),
    'secureConnect',
    signal,
    () => new Error('the server closed the connection during the TLS handshake'),
  );
}

/**
 * TLS stage. Verification is done by hand (rejectUnauthorized: false) so the full chain is collected even when it
 * fails; the verdict is decided here, and the caller sends nothing secret unless this returns.
 */
export async function tlsStage(opts: {
  socket: Socket;
  host: string;
  starttls: boolean;
  secureContext: tls.SecureContext | undefined;
  budget: RunBudget;
  capMs: number;
}): Promise<{ socket: tls.TLSSocket; details: TlsDetails }> {
  const { host, starttls } = opts;
  let secure: tls.TLSSocket;
  try {
    secure = await opts.budget.bounded(
      opts.budget.cap(opts.capMs),
      () =>
        new StageFailure<'tls'>('TIMEOUT', 'The TLS handshake did not complete in time.', {
          starttls,
          verdict: 'handshake-failed',
          chain: [],
          error: 'timeout',
        }),
      (signal) =>
        handshake(
          {
            socket: opts.socket,
            ...(isIP(host) === 0 ? { servername: host } : {}),
            rejectUnauthorized: false,
            // The host name is checked below with tls.checkServerIdentity, so it is reported on its own.
            checkServerIdentity: () => undefined,
            minVersion: 'TLSv1.2',
            ...(opts.secureContext ? { secureContext: opts.secureContext } : {}),
          },
          signal,
        ),
    );
  } catch (err) {
    if (!(err instanceof Error) || err instanceof StageFailure || err instanceof ProbeCancelled) throw err;
    const plaintextHint = /wrong version number|packet length too long|unknown protocol/i.test(err.message)
      ? ' The server may not speak TLS on this port (STARTTLS or plain IMAP?).'
      : '';
    throw new StageFailure<'tls'>(
      'TLS_HANDSHAKE_FAILED',
      `The TLS handshake failed: ${err.message}.${plaintextHint}`,
      { starttls, verdict: 'handshake-failed', chain: [], error: err.message },
      undefined,
      resetErrnoOf(err),
    );
  }
  const peer = secure.getPeerCertificate(true);
  const chain = describeChain(peer && peer.raw ? peer : undefined);
  const authorizationError = secure.authorized ? undefined : String(secure.authorizationError ?? 'UNKNOWN');
  const identityError = peer && peer.raw ? tls.checkServerIdentity(host, peer) : new Error('no certificate');
  const hostnameError = identityError?.message;
  const { verdict, code } = verdictOf(authorizationError, hostnameError);
  const inspection = inspectChain(host, chain);
  const details: TlsDetails = {
    starttls,
    verdict,
    protocol: secure.getProtocol() ?? undefined,
    cipher: secure.getCipher()?.standardName ?? secure.getCipher()?.name,
    chain,
    ...(authorizationError ? { authorizationError } : {}),
    ...(hostnameError ? { hostnameError } : {}),
    ...(inspection ? { inspection } : {}),
  };
  if (code) {
    secure.destroy();
    const issuer = inspection?.issuer ?? 'unknown issuer';
    const why = authorizationError ? `${authorizationError}, issued by ${issuer}` : hostnameError;
    throw new StageFailure<'tls'>(code, `The server certificate was not accepted (${why}).`, details);
  }
  return { socket: secure, details };
}
