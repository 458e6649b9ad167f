/**
 * Where the bridge listens, and who may connect. Loopback by default; any other address only with TLS and an
 * allowlist (the bridge must never become an open door to a mailbox). A port that is taken — agorum core runs an
 * IMAP server of its own — is reported with addresses that would work instead, found by trying them.
 */
import net from 'node:net';

import { isLoopbackHost } from '../../shared/bridge/config';
import type { BridgeStartCode, ListenAlternative } from '../../shared/bridge/status';

export class BridgeStartError extends Error {
  constructor(
    readonly code: BridgeStartCode,
    message: string,
    readonly alternatives: ListenAlternative[] = [],
  ) {
    super(message);
    this.name = 'BridgeStartError';
  }
}

/** Decides per connection from the peer address: the allowlist, or loopback only when there is none. */
export function createAllowlist(entries: string[]): (address: string | undefined) => boolean {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [addr, bits] = entry.split('/');
    const type = net.isIPv6(addr!) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr!, type);
    else list.addSubnet(addr!, Number(bits), type);
  }
  return (address) => {
    if (!address) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const ip = mapped ?? address;
    if (entries.length === 0) return isLoopbackHost(ip);
    return list.check(ip, net.isIPv6(ip) ? 'ipv6' : 'ipv4');
  };
}

/** Refuses listener settings that would expose a mailbox: non-loopback needs TLS and an allowlist. */
export function checkExposure(host: string, tls: 'none' | 'starttls' | 'implicit', allow: string[]): void {
  if (isLoopbackHost(host)) return;
  if (tls === 'none') {
    throw new BridgeStartError(
      'BRIDGE_TLS_REQUIRED',
      `Listening on ${host} (not loopback) needs TLS: set listen.tls.mode to "implicit" or "starttls".`,
    );
  }
  if (allow.length === 0) {
    throw new BridgeStartError(
      'BRIDGE_ALLOWLIST_REQUIRED',
      `Listening on ${host} (not loopback) needs listen.allow: the addresses of the mail adapter's server.`,
    );
  }
}

const tryListen = (host: string, port: number): Promise<number | undefined> =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen({ host, port, exclusive: true }, () => {
      const bound = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(bound));
    });
  });

/** Addresses that are free right now: the same port on another loopback address, then another port. */
export async function alternativesFor(host: string, port: number): Promise<ListenAlternative[]> {
  const out: ListenAlternative[] = [];
  if (/^127\./.test(host) && process.platform !== 'darwin') {
    // Linux and Windows route all of 127.0.0.0/8 to loopback; macOS only 127.0.0.1 unless an alias is added.
    for (const other of ['127.0.0.2', '127.0.0.3'].filter((h) => h !== host)) {
      if ((await tryListen(other, port)) !== undefined) {
        out.push({ host: other, port, why: `the same port on another loopback address; set E-Mail-Host to ${other}` });
        break;
      }
    }
  }
  for (const candidate of [port + 1000, port + 10_000].filter((p) => p < 65536)) {
    if ((await tryListen(host, candidate)) !== undefined) {
      out.push({ host, port: candidate, why: 'another port (needs a client with a port setting)' });
      return out;
    }
  }
  const any = await tryListen(host, 0);
  if (any !== undefined)
    out.push({ host, port: any, why: 'a free port chosen by the system (needs a client with a port setting)' });
  return out;
}

/** Binds `server`; turns the operating system's refusal into a BridgeStartError that says what to do. */
export async function bind(server: net.Server, host: string, port: number): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as net.AddressInfo).port;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      const alternatives = await alternativesFor(host, port);
      const list = alternatives.map((a) => `${a.host}:${a.port}`).join(', ');
      throw new BridgeStartError(
        'BRIDGE_PORT_IN_USE',
        `Port ${port} on ${host} is already in use (agorum core's own IMAP server?).${list ? ` Free instead: ${list}.` : ''}`,
        alternatives,
      );
    }
    if (code === 'EACCES' && port < 1024) {
      throw new BridgeStartError(
        'BRIDGE_PORT_PRIVILEGED',
        `Port ${port} needs privileges: run the service with CAP_NET_BIND_SERVICE (see the systemd unit) or choose a port above 1023.`,
      );
    }
    if (code === 'EADDRNOTAVAIL')
      throw new BridgeStartError('BRIDGE_ADDRESS_UNAVAILABLE', `The address ${host} does not belong to this machine.`);
    throw new BridgeStartError(
      'BRIDGE_BIND_FAILED',
      `Could not listen on ${host}:${port} (${code ?? (err as Error).message}).`,
    );
  }
}
