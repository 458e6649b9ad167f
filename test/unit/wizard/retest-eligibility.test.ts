/** Whether the wizard offers an automatic retest is data derived from the report, not a rule of the renderer. */
import { retestEligible } from '@shared/wizard/retest';
import { authFailed, report } from '@test/fixtures/probe-reports';
import { describe, expect, it } from 'vitest';

describe('retestEligible', () => {
  it('offers none when Exchange Online refused a password: waiting cannot change that', () => {
    expect(retestEligible(authFailed())).toBe(false);
    // Also when the greeting was never told apart and only the host says Exchange Online.
    expect(retestEligible(authFailed({ product: 'unknown' }))).toBe(false);
  });

  it('offers one for a refused password elsewhere, and for a refused token', () => {
    expect(retestEligible(authFailed({ product: 'dovecot', host: 'mail.example.test' }))).toBe(true);
    expect(retestEligible(authFailed({ product: 'exchange', host: 'mail.contoso.example' }))).toBe(true);
    expect(retestEligible(authFailed({ credential: 'xoauth2' }))).toBe(true);
  });

  it('offers one for a timeout, also at Exchange Online', () => {
    expect(retestEligible(report('TIMEOUT', 'auth', { product: 'exchange-online' }))).toBe(true);
  });

  it('offers none for success or for failures waiting does not fix', () => {
    expect(retestEligible(report('OK', 'mailbox'))).toBe(false);
    for (const code of ['TLS_UNTRUSTED', 'DNS_NOT_FOUND', 'TCP_RESET', 'AUTH_THROTTLED'] as const) {
      expect(retestEligible(report(code, 'tcp', { host: 'mail.example.test' }))).toBe(false);
    }
  });
});
