import { isSecretKey, REDACTED, redactText, redactValue } from '@core/log/redact';
import { describe, expect, it } from 'vitest';

// Canaries: distinctive values that must never survive redaction in any form.
const PASSWORD = 'Canary-Pw-7Qz!9xK';
const APP_PASSWORD = 'qwmzhtbvkpdlrnxs';
const ACCESS_TOKEN =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJlLWNhbmFyeS0xMjM0';
const REFRESH_TOKEN = '0.AXoAcanaryRefreshTokenQ2xpZW50SWQ5OTk5OTk5OTk5-abcDEF_ghij1234567890';
const CLIENT_SECRET = 'aB3dQ~CanarySecretValue0123456789abcdEFGH';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const PLAIN_IR = b64(`\0admin@contoso.example\0${PASSWORD}`);
const XOAUTH2_IR = b64(`user=admin@contoso.example\x01auth=Bearer ${ACCESS_TOKEN}\x01\x01`);

const CANARIES = [PASSWORD, APP_PASSWORD, ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET, PLAIN_IR, XOAUTH2_IR];

function expectClean(text: string): void {
  for (const c of CANARIES) expect(text).not.toContain(c);
  // Partial leaks count too: any 12-character slice of a canary.
  for (const c of CANARIES) for (let i = 0; i + 12 <= c.length; i += 6) expect(text).not.toContain(c.slice(i, i + 12));
}

describe('redactText', () => {
  it.each([
    ['IMAP LOGIN with quoted arguments', `C: a1 LOGIN "admin@contoso.example" "${PASSWORD}"`],
    ['IMAP LOGIN with atoms', `a2 LOGIN admin ${APP_PASSWORD}`],
    ['IMAP LOGIN after a prefix', `sent: LOGIN admin ${APP_PASSWORD}`],
    ['AUTHENTICATE PLAIN with initial response', `a3 AUTHENTICATE PLAIN ${PLAIN_IR}`],
    ['AUTHENTICATE XOAUTH2 with initial response', `a4 AUTHENTICATE XOAUTH2 ${XOAUTH2_IR}`],
    ['SASL continuation line', `C: ${PLAIN_IR}`],
    ['bare base64 continuation', XOAUTH2_IR],
    ['Bearer header', `Authorization: Bearer ${ACCESS_TOKEN}`],
    ['Bearer in prose', `retrying with Bearer ${REFRESH_TOKEN} now`],
    ['bare JWT', `token was ${ACCESS_TOKEN}.`],
    ['password= field', `connect host=outlook.office365.com password=${PASSWORD} port=993`],
    ['JSON password field', `{"user":"a@b.example","password":"${PASSWORD}","port":993}`],
    ['JSON appPassword field', `{"appPassword": "${APP_PASSWORD}"}`],
    ['secret: field', `clientSecret: ${CLIENT_SECRET}`],
    ['client secret alone', `the secret is ${CLIENT_SECRET}`],
    ['refresh_token in a form body', `grant_type=refresh_token&refresh_token=${REFRESH_TOKEN}&scope=x`],
    ['OAuth code in a redirect URL', `http://localhost:53123/?code=${REFRESH_TOKEN}&state=abc`],
    ['user:password@ in a URL', `imaps://admin:${PASSWORD}@mail.example:993/`],
    ['access_token in a fragment', `https://app.example/#access_token=${ACCESS_TOKEN}&expires_in=3599`],
    ['single-quoted password', `pass='${PASSWORD}'`],
  ])('removes the secret from %s', (_name, line) => {
    const out = redactText(line);
    expectClean(out);
    expect(out).toContain('redacted');
  });

  it('keeps what a support engineer needs to read', () => {
    const lines = [
      '* OK The Microsoft Exchange IMAP4 service is ready.',
      'a1 NO LOGIN failed.',
      'a2 NO AUTHENTICATE failed.',
      '* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+',
      'probe stage=tls host=outlook.office365.com port=993 elapsedMs=183',
      'Basic authentication is switched off for Exchange Online.',
      'passwordSaved=true',
      'error code: AUTH_FAILED (details in the report)',
      'C:\\Program Files\\Mailadapter Assistant\\resources\\app.asar',
      'at Object.dispatch (file:///opt/app/out/main/index.js:123:45)',
      'request id 3f2c1a9e-7b6d-4c5e-9f8a-1b2c3d4e5f60',
      '    at Object.transformer (/work/main/node_modules/tsx/dist/register-D46fvsV_.cjs:22:2188)',
      '    at run (/Users/AliceExample2/Library/Application Support/x/Main2Window.js:1:1)',
      "{ code: 'ETIMEDOUT', errno: -110 }",
    ];
    for (const line of lines)
      expect(redactText(line)).toBe(line.replace('passwordSaved=true', `passwordSaved=${REDACTED}`));
  });

  it('keeps the mechanism name of an AUTHENTICATE command', () => {
    expect(redactText(`a3 AUTHENTICATE XOAUTH2 ${XOAUTH2_IR}`)).toBe(`a3 AUTHENTICATE XOAUTH2 ${REDACTED}`);
  });

  it('removes known secret values wherever they appear, even inside words', () => {
    const out = redactText(`xx${APP_PASSWORD}yy and ${APP_PASSWORD}`, { known: [APP_PASSWORD] });
    expect(out).toBe(`xx${REDACTED}yy and ${REDACTED}`);
  });

  it('replaces the home folder so paths do not carry the account name', () => {
    expect(redactText('/home/alice/.config/x/logs/main.log', { homeDir: '/home/alice' })).toBe(
      '~/.config/x/logs/main.log',
    );
  });

  it('removes PEM private keys', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    expect(redactText(`key:\n${pem}\nafter`)).not.toContain('MIIEvQ');
  });

  it('is idempotent', () => {
    const once = redactText(`a1 LOGIN u ${PASSWORD}\nAuthorization: Bearer ${ACCESS_TOKEN}\npassword=${PASSWORD}`);
    expect(redactText(once)).toBe(once);
  });
});

describe('redactValue', () => {
  it('keeps public certificate facts deep inside reports: alternative names, serial numbers, fingerprints', () => {
    const cert = {
      subjectAltNames: ['DNS:outlook.office365.com', 'DNS:*.outlook.com'],
      serialNumber: '0F3A9B2C4D5E6F708192A3B4C5D6E7F8',
      fingerprint256: 'AB:CD:EF:01:23:45:67:89',
    };
    // The support bundle's nesting: profile → reports → report → stages → details → chain → certificate.
    const nested = { p1: [{ report: { stages: [{ details: { chain: [cert, { serialNumber: '1A2B3C4D' }] } }] } }] };
    expect(redactValue(nested)).toEqual(nested);
    // Only the usual shape passes: anything else under those keys is treated like any other value.
    expect(redactValue({ serialNumber: 'token=Secret-Value-123' })).toEqual({ serialNumber: 'token=[redacted]' });
    expect(redactValue({ note: '0F3A9B2C4D5E6F708192A3B4C5D6E7F8' })).toEqual({ note: '[redacted]' });
  });

  it('removes secrets by key at any depth and keeps the rest', () => {
    const input = {
      host: 'outlook.office365.com',
      port: 993,
      auth: { user: 'admin@contoso.example', pass: PASSWORD },
      oauth: { accessToken: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN, expiresIn: 3599 },
      nested: [{ clientSecret: CLIENT_SECRET }, { note: `LOGIN admin ${APP_PASSWORD}` }],
      passwordSaved: true,
    };
    const out = redactValue(input) as typeof input;
    expectClean(JSON.stringify(out));
    expect(out.host).toBe('outlook.office365.com');
    expect(out.auth.user).toBe('admin@contoso.example');
    expect(out.auth.pass).toBe(REDACTED);
    expect(out.passwordSaved).toBe(true);
    expect(out.port).toBe(993);
  });

  it('redacts errors: message, stack and custom fields', () => {
    const err = Object.assign(new Error(`login failed for password=${PASSWORD}`), {
      code: 'EAUTH',
      response: `a1 LOGIN x ${PASSWORD}`,
      password: PASSWORD,
    });
    const out = redactValue(err) as Record<string, unknown>;
    expectClean(JSON.stringify(out));
    expect(out).toMatchObject({ name: 'Error', code: 'EAUTH' });
    expect(String(out.stack)).toContain('redact.test.ts');
  });

  it('summarises binary data and survives cycles', () => {
    const a: Record<string, unknown> = { buf: Buffer.from(PASSWORD) };
    a.self = a;
    const out = redactValue(a) as Record<string, unknown>;
    expect(out.buf).toBe(`[binary ${Buffer.byteLength(PASSWORD)} bytes]`);
    expect(out.self).toBe('[circular]');
  });

  it('recognises secret keys in the usual spellings', () => {
    for (const k of [
      'password',
      'appPassword',
      'app_password',
      'PASS',
      'pwd',
      'client-secret',
      'refreshToken',
      'Authorization',
      'cookie',
      'code_verifier',
      'apiKey',
    ]) {
      expect(isSecretKey(k), k).toBe(true);
    }
    for (const k of ['host', 'user', 'port', 'mailbox', 'author', 'stage', 'security'])
      expect(isSecretKey(k), k).toBe(false);
  });
});
