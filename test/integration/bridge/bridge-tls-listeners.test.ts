/**
 * The bridge's TLS listeners against the real Dovecot: STARTTLS and implicit TLS with the bridge's own certificate,
 * and the client allowlist a non-loopback listener requires; no canary secret in any log line or status.
 */

import { describe, expect, it } from 'vitest';

import { createSelfSignedCertificate } from '../../../main/core/bridge/self-signed-cert';
import { rawImap } from '../../fixtures/imap-raw-client';
import { PASSWORD, USER } from './bridge-kit';
import { bridgeWith, connect, describeCanaries, opened, useLimitsWorld } from './limits-kit';

useLimitsWorld();

describe('TLS listeners', () => {
  const cert = createSelfSignedCertificate(['localhost', '127.0.0.1']);

  it('STARTTLS: no login in the clear, then TLS with the bridge certificate, then LOGIN', async () => {
    const b = await bridgeWith({ listen: { tls: { mode: 'starttls' } } }, { certificate: cert });
    expect(b.bridge.status().listener).toMatchObject({
      tls: 'starttls',
      certificateFingerprint256: cert.fingerprint256,
    });
    const c = await rawImap({ port: b.port });
    opened.push(c);
    expect(await c.line()).toBe(
      '* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR ID STARTTLS LOGINDISABLED] Mailadapter bridge ready.',
    );
    expect((await c.command(`a LOGIN ${USER} ${PASSWORD}`)).tagged).toBe(
      'a NO [PRIVACYREQUIRED] Use STARTTLS before logging in.',
    );
    expect((await c.command('b STARTTLS')).tagged).toBe('b OK Begin TLS negotiation now.');
    await c.startTls(cert.cert);
    expect((await c.command('c CAPABILITY')).lines).toEqual(['* CAPABILITY IMAP4rev1 LITERAL+ SASL-IR ID AUTH=PLAIN']);
    expect((await c.command('d STARTTLS')).tagged).toBe('d BAD TLS is already active.');
    expect((await c.command(`e LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^e OK /);
    expect((await c.command('f SELECT INBOX')).lines.some((l) => /^\* \d+ EXISTS$/.test(l))).toBe(true);
  });

  it('implicit TLS (Server-Typ IMAPS) with an allowlist: listed addresses log in, others get BYE before TLS', async () => {
    const b = await bridgeWith(
      {
        listen: {
          serverType: 'imaps',
          tls: { mode: 'implicit' },
          allow: ['127.0.0.1'],
        },
      },
      { certificate: cert },
    );
    const c = await rawImap({ port: b.port, tls: { ca: cert.cert } });
    opened.push(c);
    expect(await c.line()).toMatch(/^\* OK \[CAPABILITY IMAP4rev1 LITERAL\+ SASL-IR ID AUTH=PLAIN\]/);
    expect((await c.command(`a LOGIN ${USER} ${PASSWORD}`)).tagged).toMatch(/^a OK /);
    // Another bridge that allows only 10.9.8.7: this machine's own address is turned away before any TLS.
    const strict = await bridgeWith(
      {
        listen: {
          serverType: 'imaps',
          tls: { mode: 'implicit' },
          allow: ['10.9.8.7'],
        },
      },
      { certificate: cert },
    );
    const refused = await connect(strict, false);
    expect(await refused.line()).toBe('* BYE [UNAVAILABLE] Connections from this address are not allowed.');
    await refused.closed;
    expect(strict.logs.some((l) => l.message.includes('not in listen.allow'))).toBe(true);
  });
});

describeCanaries();
