/**
 * The configuration's rules (every bad field named), agorum's Server-Typ as the default port, the listener's
 * exposure rules and allowlist, port-in-use alternatives, the listener certificate, and the systemd unit.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';

import { describe, expect, it } from 'vitest';

import { bind, BridgeStartError, checkExposure, createAllowlist } from '../../../main/core/bridge/listener';
import { createSelfSignedCertificate } from '../../../main/core/bridge/self-signed-cert';
import { systemdUnit } from '../../../main/core/bridge/systemd-unit';
import { listenPort, parseBridgeConfig } from '../../../main/shared/bridge/config';

const account = {
  id: 'agorum',
  mailbox: 'imap@contoso.de',
  oauth: { tenant: '72f988bf-0000-4000-8000-00000000c0de', clientId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' },
  passwordHash: `scrypt$16384$8$1$${Buffer.alloc(16, 1).toString('base64')}$${Buffer.alloc(32, 2).toString('base64')}`,
};
const doc = (extra: Record<string, unknown> = {}, acct: Record<string, unknown> = {}) => ({
  format: 'mailadapter-bridge',
  version: 1,
  accounts: [{ ...account, ...acct }],
  ...extra,
});
const issues = (value: unknown) => {
  const r = parseBridgeConfig(value);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('bridge configuration', () => {
  it('fills defaults: loopback, Server-Typ IMAP on 143, Exchange Online upstream, 16 sessions', () => {
    const r = parseBridgeConfig(doc());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.listen).toMatchObject({ host: '127.0.0.1', serverType: 'imap', allow: [] });
    expect(listenPort(r.config.listen)).toBe(143);
    expect(r.config.accounts[0]!.upstream).toEqual({ host: 'outlook.office365.com', port: 993 });
    expect(r.config.limits).toMatchObject({ sessionsPerAccount: 16, lineBytes: 65536 });
    const imaps = parseBridgeConfig(doc({ listen: { serverType: 'imaps', tls: { mode: 'implicit' } } }));
    expect(imaps.ok && listenPort(imaps.config.listen)).toBe(993);
  });

  it.each([
    [
      doc({}, { mailbox: 'not-an-address' }),
      'accounts[0].mailbox: mailbox must be the mailbox user as an e-mail address',
    ],
    [
      doc({}, { oauth: { tenant: 'common', clientId: account.oauth.clientId } }),
      'accounts[0].oauth.tenant: oauth.tenant must be the directory (tenant) ID',
    ],
    [
      doc({}, { oauth: { tenant: account.oauth.tenant, clientId: 'abc' } }),
      'accounts[0].oauth.clientId: oauth.clientId must be the application (client) ID, a GUID',
    ],
    [
      doc({}, { oauth: { ...account.oauth, authority: 'http://login.example' } }),
      'accounts[0].oauth.authority: oauth.authority must use https',
    ],
    [doc({}, { passwordHash: 'hunter2' }), 'accounts[0].passwordHash: passwordHash must be a scrypt hash'],
    [
      doc({}, { upstream: { host: 'outlook.office365.com', port: 99999 } }),
      'accounts[0].upstream.port: upstream.port must be from 1 to 65535',
    ],
    [doc({ listen: { host: 'imap://x' } }), 'listen.host: listen.host must be a host name or IP address'],
    [
      doc({ listen: { allow: ['10.0.0.0/33'] } }),
      'listen.allow[0]: each allow entry must be an IP address or a CIDR range',
    ],
    [doc({ listen: { serverType: 'pop3' } }), 'listen.serverType: listen.serverType must be "imap" or "imaps"'],
    [
      doc({ listen: { serverType: 'imaps' } }),
      'listen.tls: listen.serverType "imaps" needs listen.tls.mode "implicit"',
    ],
    [
      doc({ limits: { sessionsPerAccount: 0 } }),
      'limits.sessionsPerAccount: limits.sessionsPerAccount must be at least 1',
    ],
    [doc({ extra: 1 }), '(top level): unknown field(s) "extra"'],
    [
      { ...doc(), accounts: [account, { ...account, id: 'other' }] },
      'accounts[1]: accounts[1] repeats mailbox imap@contoso.de of accounts[0]',
    ],
    [{ ...doc(), version: 2 }, 'version: version must be 1'],
  ])('refuses %#, naming the field', (value, expected) => {
    expect(issues(value).join('\n')).toContain(expected);
  });
});

describe('listener', () => {
  it('refuses a non-loopback address without TLS or without an allowlist', () => {
    expect(() => checkExposure('127.0.0.2', 'none', [])).not.toThrow();
    expect(() => checkExposure('0.0.0.0', 'none', ['10.0.0.5'])).toThrow(
      expect.objectContaining({ code: 'BRIDGE_TLS_REQUIRED' }),
    );
    expect(() => checkExposure('192.0.2.1', 'starttls', [])).toThrow(
      expect.objectContaining({ code: 'BRIDGE_ALLOWLIST_REQUIRED' }),
    );
    expect(() => checkExposure('192.0.2.1', 'implicit', ['10.0.0.5'])).not.toThrow();
  });

  it('allows loopback only by default, else exactly the listed addresses and ranges', () => {
    const loopbackOnly = createAllowlist([]);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(loopbackOnly)).toEqual([true, true, true]);
    expect(loopbackOnly('10.0.0.5')).toBe(false);
    const listed = createAllowlist(['10.1.2.3', '192.168.10.0/24', 'fd00::/8']);
    expect(['10.1.2.3', '::ffff:192.168.10.77', 'fd00::5', '10.1.2.4', '127.0.0.1', undefined].map(listed)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('reports a taken port with alternatives that really are free', async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const err = (await bind(net.createServer(), '127.0.0.1', port).catch((e: unknown) => e)) as BridgeStartError;
      expect(err).toBeInstanceOf(BridgeStartError);
      expect(err.code).toBe('BRIDGE_PORT_IN_USE');
      expect(err.alternatives[0]).toMatchObject({ host: '127.0.0.2', port });
      expect(err.message).toContain(`127.0.0.2:${port}`);
      for (const alt of err.alternatives) {
        const s = net.createServer();
        const bound = await bind(s, alt.host, alt.port);
        expect(bound).toBe(alt.port);
        await new Promise((r) => s.close(r));
      }
    } finally {
      taken.close();
    }
  });

  it('generates a usable self-signed certificate with a SHA-256 fingerprint', async () => {
    const c = createSelfSignedCertificate(['localhost', '127.0.0.1', '::1']);
    const x = new X509Certificate(c.cert);
    expect(x.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(x.verify(x.publicKey)).toBe(true);
    expect(c.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const server = tls.createServer({ key: c.key, cert: c.cert }, (s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const authorized = await new Promise<boolean>((resolve) => {
      const s = tls.connect({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port, ca: c.cert }, () =>
        resolve(s.authorized),
      );
      s.on('error', () => resolve(false));
    });
    server.close();
    expect(authorized).toBe(true);
  });
});

describe('systemd unit', () => {
  it('grants CAP_NET_BIND_SERVICE only below port 1024, runs as a dynamic non-root user, hardened', () => {
    const low = systemdUnit({ port: 143 });
    const high = systemdUnit({ port: 1143 });
    expect(low).toMatch(/^AmbientCapabilities=CAP_NET_BIND_SERVICE$/m);
    expect(high).toMatch(/^AmbientCapabilities=$/m);
    expect(high).toMatch(/^CapabilityBoundingSet=$/m);
    for (const line of [
      'DynamicUser=yes',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'ProtectHome=yes',
      'PrivateTmp=yes',
      'KillSignal=SIGTERM',
      'StateDirectory=mailadapter-bridge',
    ]) {
      expect(high).toContain(line);
    }
    expect(high).not.toMatch(/^User=root/m);
  });

  it('build/bridge holds the unit for the default configuration (IMAP on 143)', () => {
    expect(readFileSync('build/bridge/mailadapter-bridge.service', 'utf8')).toBe(systemdUnit({ port: 143 }));
  });
});
