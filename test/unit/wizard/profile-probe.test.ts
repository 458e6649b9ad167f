import { createProfileProbe } from '@core/wizard/retest/profile-probe';
import type { ProbeInput } from '@shared/probe/settings';
import { authFailed, report } from '@test/fixtures/probe-reports';
import { describe, expect, it } from 'vitest';

const profile = { host: 'outlook.office365.com', port: 993, security: 'tls', mailboxUser: 'rechnung@contoso.de' };

describe('automatic retest probe', () => {
  it('tests with the saved settings and app password and returns only code, outcome and permanence', async () => {
    const seen: ProbeInput[] = [];
    const kept: unknown[] = [];
    const run = createProfileProbe({
      profile: () => profile,
      getSecret: async () => 'app-pw-123',
      probe: async (input) => {
        seen.push(input);
        return authFailed();
      },
      onReport: (id, r) => kept.push([id, r.code]),
    });
    // Exchange Online refused the password: the scheduler learns that no retest can change it.
    expect(await run('p1')).toEqual({ code: 'AUTH_FAILED', ok: false, permanent: true });
    expect(seen).toEqual([
      {
        host: 'outlook.office365.com',
        port: 993,
        security: 'tls',
        user: 'rechnung@contoso.de',
        credential: { kind: 'password', password: 'app-pw-123' },
      },
    ]);
    expect(kept).toEqual([['p1', 'AUTH_FAILED']]);
  });

  it('refuses to test without a saved app password (the scheduler then stops)', async () => {
    let probed = false;
    const run = createProfileProbe({
      profile: () => profile,
      getSecret: async () => null,
      probe: async () => {
        probed = true;
        return report('OK', 'mailbox');
      },
    });
    await expect(run('p1')).rejects.toMatchObject({ code: 'SECRET_NOT_SAVED' });
    expect(probed).toBe(false);
  });

  it('a failing report store does not hide the result', async () => {
    const run = createProfileProbe({
      profile: () => profile,
      getSecret: async () => 'x',
      probe: async () => report('OK', 'mailbox'),
      onReport: () => {
        throw new Error('disk full');
      },
    });
    expect(await run('p1')).toEqual({ code: 'OK', ok: true, permanent: false });
  });
});
