import { probe } from '@core/imap/probe';
import { parseHost } from '@shared/probe/host';
import { checkProbeInput, type ProbeInput, probeInputSchema } from '@shared/probe/settings';
import { describe, expect, it } from 'vitest';

const base: ProbeInput = {
  host: 'outlook.office365.com',
  port: 993,
  security: 'tls',
  user: 'anna@contoso.example',
  credential: { kind: 'password', password: 'Geheim!' },
};

const reasons = (input: ProbeInput) => checkProbeInput(input).issues.map((i) => `${i.field}:${i.reason}`);

describe('host field', () => {
  it.each([
    ['outlook.office365.com', 'outlook.office365.com'],
    ['  Outlook.Office365.COM. ', 'outlook.office365.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('accepts %j as %j', (raw, host) => {
    const parsed = parseHost(raw);
    expect(parsed.ok && parsed.host).toBe(host);
  });

  it('normalises a pasted imaps:// URL with a notice and takes its port', () => {
    const { settings, issues, notices } = checkProbeInput({
      ...base,
      host: 'imaps://outlook.office365.com:993/',
      port: undefined,
    });
    expect(issues).toEqual([]);
    expect(settings.host).toBe('outlook.office365.com');
    expect(settings.port).toBe(993);
    expect(notices.map((n) => n.reason)).toContain('HOST_NORMALISED');
    const withPort = checkProbeInput({ ...base, host: 'imaps://mail.example.test:1993', port: 993 });
    expect(withPort.settings.port).toBe(1993);
    expect(withPort.notices.map((n) => n.reason)).toEqual(['HOST_NORMALISED', 'PORT_FROM_URL']);
  });

  it.each([
    ['', 'HOST_EMPTY'],
    ['   ', 'HOST_EMPTY'],
    ['https://outlook.office365.com/', 'HOST_HAS_SCHEME'],
    ['imap://outlook.office365.com', 'HOST_HAS_SCHEME'],
    ['imaps://outlook.office365.com/INBOX', 'HOST_HAS_PATH'],
    ['outlook.office365.com/owa', 'HOST_HAS_PATH'],
    ['outlook office365.com', 'HOST_HAS_SPACES'],
    ['outlook.office365.com:993', 'HOST_HAS_PORT'],
    ['anna@contoso.example', 'HOST_IS_EMAIL'],
    ['mail_server!.example', 'HOST_ILLEGAL_CHARS'],
    ['-bad.example', 'HOST_ILLEGAL_CHARS'],
    [`${'a'.repeat(64)}.example`, 'HOST_ILLEGAL_CHARS'],
    [`${'abcdefghi.'.repeat(26)}example`, 'HOST_TOO_LONG'],
    ['x'.repeat(5000), 'HOST_TOO_LONG'],
  ])('refuses %j with %s', (host, reason) => {
    expect(reasons({ ...base, host })).toEqual([`host:${reason}`]);
  });
});

describe('port, security, user, credential', () => {
  it.each([0, 65_536, -1, 1.5, 'abc', '99999', '12a'])('refuses port %j', (port) => {
    expect(reasons({ ...base, port })).toEqual(['port:PORT_INVALID']);
  });

  it('takes numeric strings and defaults by security', () => {
    expect(checkProbeInput({ ...base, port: ' 1143 ' }).settings.port).toBe(1143);
    expect(checkProbeInput({ ...base, port: undefined, security: 'starttls' }).settings.port).toBe(143);
    expect(checkProbeInput({ ...base, port: '', security: undefined }).settings).toMatchObject({
      port: 993,
      security: 'tls',
    });
  });

  it('refuses plaintext and unknown security modes', () => {
    expect(reasons({ ...base, security: 'plain' })).toEqual(['security:SECURITY_PLAINTEXT']);
    expect(reasons({ ...base, security: 'ssl3' })).toEqual(['security:SECURITY_INVALID']);
  });

  it.each(['anna\r\nA1 LOGOUT', 'anna\n', 'an\0na', 'anna\r'])('refuses a user with CR/LF/NUL: %j', (user) => {
    expect(reasons({ ...base, user })).toEqual(['user:USER_CONTROL_CHARS']);
  });

  it('refuses empty and over-long users, trims spaces with a notice', () => {
    expect(reasons({ ...base, user: '  ' })).toEqual(['user:USER_EMPTY']);
    expect(reasons({ ...base, user: 'u'.repeat(321) })).toEqual(['user:USER_TOO_LONG']);
    const trimmed = checkProbeInput({ ...base, user: ' anna@contoso.example ' });
    expect(trimmed.settings.user).toBe('anna@contoso.example');
    expect(trimmed.notices.map((n) => n.reason)).toEqual(['USER_TRIMMED']);
  });

  it('refuses empty, over-long and control-character passwords but keeps spaces and special characters', () => {
    expect(reasons({ ...base, credential: { kind: 'password', password: '' } })).toEqual(['password:PASSWORD_EMPTY']);
    expect(reasons({ ...base, credential: { kind: 'password', password: 'p'.repeat(1025) } })).toEqual([
      'password:PASSWORD_TOO_LONG',
    ]);
    expect(reasons({ ...base, credential: { kind: 'password', password: 'a\nb' } })).toEqual([
      'password:PASSWORD_CONTROL_CHARS',
    ]);
    const special = ' Pä"ss\\wörd {3} ';
    expect(
      checkProbeInput({ ...base, credential: { kind: 'password', password: special } }).settings.credential,
    ).toEqual({ kind: 'password', password: special });
  });

  it('requires a credential unless network-only, and checks tokens', () => {
    expect(reasons({ ...base, credential: undefined })).toEqual(['credential:CREDENTIAL_MISSING']);
    expect(reasons({ host: 'outlook.office365.com', networkOnly: true })).toEqual([]);
    expect(reasons({ ...base, credential: { kind: 'xoauth2', accessToken: '' } })).toEqual(['accessToken:TOKEN_EMPTY']);
    expect(reasons({ ...base, credential: { kind: 'xoauth2', accessToken: 'eyJ0 eXAi' } })).toEqual([
      'accessToken:TOKEN_INVALID',
    ]);
    expect(reasons({ ...base, credential: { kind: 'xoauth2', accessToken: 'e'.repeat(16_385) } })).toEqual([
      'accessToken:TOKEN_TOO_LONG',
    ]);
  });

  it('reports several fields at once', () => {
    expect(reasons({ host: '', port: 'x', user: '', credential: { kind: 'password', password: '' } })).toEqual([
      'port:PORT_INVALID',
      'host:HOST_EMPTY',
      'user:USER_EMPTY',
      'password:PASSWORD_EMPTY',
    ]);
  });
});

describe('zod schema', () => {
  it('parses to normalised settings or to field-specific issues', () => {
    const ok = probeInputSchema.safeParse({ ...base, host: 'imaps://outlook.office365.com/' });
    expect(ok.success && ok.data).toMatchObject({
      host: 'outlook.office365.com',
      port: 993,
      security: 'tls',
      networkOnly: false,
    });
    const bad = probeInputSchema.safeParse({ ...base, host: 'a b', user: 'x\r\ny' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['host', 'The host name contains spaces.'],
      ['user', 'The user name must not contain line breaks or NUL characters.'],
    ]);
  });

  it('never puts the password into an issue', () => {
    const canary = 'CANARY-pw-4711\n';
    const bad = probeInputSchema.safeParse({ ...base, credential: { kind: 'password', password: canary } });
    expect(JSON.stringify(bad.error?.issues)).not.toContain('CANARY');
  });
});

describe('probe refuses bad input before any connection', () => {
  it('reports INPUT_INVALID at the input stage without resolving or connecting', async () => {
    let lookups = 0;
    const started = Date.now();
    const report = await probe(
      {
        ...base,
        host: 'https://outlook.office365.com/owa',
        user: 'anna\r\nA2 LOGOUT',
        credential: { kind: 'password', password: 'CANARY-secret' },
      },
      { lookup: async () => (lookups++, []) },
    );
    expect(Date.now() - started).toBeLessThan(200);
    expect(report).toMatchObject({ ok: false, code: 'INPUT_INVALID', stage: 'input' });
    expect(lookups).toBe(0);
    expect(report.stages.map((s) => s.status)).toEqual([
      'failed',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    const input = report.stages[0];
    expect(input?.stage === 'input' && input.details?.issues.map((i) => i.field)).toEqual(['host', 'user']);
    expect(JSON.stringify(report)).not.toContain('CANARY');
  });
});
