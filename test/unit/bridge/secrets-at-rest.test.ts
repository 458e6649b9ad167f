/**
 * The local password (generated, scrypt-hashed, constant-time checked, throttled) and the sealed token store:
 * nothing secret is readable at rest without the local password, and a rotation rewrites only the token.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  generatePassword,
  hashPassword,
  VerifiedPasswords,
  verifyPassword,
} from '../../../main/core/bridge/local-password';
import { LoginThrottle } from '../../../main/core/bridge/login-throttle';
import { deriveSealingKey, seal, SealedSecretError, unseal } from '../../../main/core/bridge/sealed-secret';
import { createServerExport } from '../../../main/core/bridge/server-export';
import { sealedFileTokenStore } from '../../../main/core/bridge/token-store';
import { parseBridgeConfig } from '../../../main/shared/bridge/config';
import { tempDir } from '../../fixtures/ipc-kit';

const CHEAP = { N: 16384, r: 8, p: 1 };
const CACHE = JSON.stringify({
  Account: { a: { home_account_id: 'h1', username: 'imap@contoso.de' } },
  RefreshToken: { r: { home_account_id: 'h1', secret: 'RT-canary-0.AXkA-1234567890abcdefghij' } },
  AccessToken: { t: { secret: 'AT-never-persisted' } },
  AppMetadata: {},
});

describe('local password', () => {
  it('is 24 ASCII letters and digits (≥ 128 bits) and differs every time', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(seen.size).toBe(200);
    for (const p of seen) expect(p).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(24 * Math.log2(62)).toBeGreaterThanOrEqual(128);
    const chars = new Set([...seen].join(''));
    expect(chars.size).toBe(62);
  });

  it('is kept as a salted scrypt hash and checked against it', async () => {
    const pw = generatePassword();
    const [h1, h2] = await Promise.all([hashPassword(pw, CHEAP), hashPassword(pw, CHEAP)]);
    expect(h1).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(h1).not.toContain(pw);
    expect(await verifyPassword(pw, h1)).toBe(true);
    expect(await verifyPassword(`${pw}x`, h1)).toBe(false);
    expect(await verifyPassword(pw, undefined)).toBe(false);
  });

  it('remembers only passwords that passed, per account', async () => {
    const pw = generatePassword();
    const hash = await hashPassword(pw, CHEAP);
    const known = new VerifiedPasswords();
    expect(await known.check('a', 'wrong', hash)).toBe(false);
    expect(await known.check('a', pw, hash)).toBe(true);
    const t = performance.now();
    expect(await known.check('a', pw, hash)).toBe(true);
    expect(performance.now() - t).toBeLessThan(5);
    expect(await known.check('a', 'wrong', hash)).toBe(false);
    expect(await known.check('b', pw, undefined)).toBe(false);
  });

  it('throttles per address: the delay doubles up to the cap, fades after the window, resets on success', () => {
    let now = 0;
    const t = new LoginThrottle({ baseDelayMs: 100, maxDelayMs: 500, windowMs: 1000 }, () => now);
    expect([1, 2, 3, 4, 5].map(() => t.fail('10.0.0.1'))).toEqual([100, 200, 400, 500, 500]);
    expect(t.fail('10.0.0.2')).toBe(100);
    now = 2000;
    expect(t.fail('10.0.0.1')).toBe(100);
    t.succeed('10.0.0.1');
    expect(t.recentFailures('10.0.0.1')).toBe(0);
  });
});

describe('sealed token material', () => {
  it('opens only with the same password and account', async () => {
    const key = await deriveSealingKey('LocalPw123456789abcd', undefined, CHEAP);
    const sealed = seal(CACHE, key, 'acct');
    expect(JSON.stringify(sealed)).not.toContain('RT-canary');
    expect(unseal(sealed, key, 'acct')).toBe(CACHE);
    expect(() => unseal(sealed, key, 'other')).toThrow(SealedSecretError);
    const wrong = await deriveSealingKey('LocalPw123456789abce', sealed.salt, CHEAP);
    expect(() => unseal(sealed, wrong, 'acct')).toThrow(SealedSecretError);
    const altered = {
      ...sealed,
      data: Buffer.from(Buffer.from(sealed.data, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64'),
    };
    expect(() => unseal(altered, key, 'acct')).toThrow(SealedSecretError);
  });

  it('the server export is one valid file; its store rotates the token in place and keeps the rest', async () => {
    const password = generatePassword();
    const { text } = await createServerExport({
      account: {
        id: 'agorum',
        mailbox: 'imap@contoso.de',
        oauth: { tenant: 'contoso.onmicrosoft.com', clientId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' },
      },
      password,
      msalCache: CACHE,
      cost: CHEAP,
    });
    for (const secret of [password, 'RT-canary', 'AT-never-persisted']) expect(text).not.toContain(secret);
    const file = path.join(tempDir('maa-bridge-export-'), 'bridge.json');
    writeFileSync(file, text);
    const parsed = parseBridgeConfig(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    const account = parsed.ok ? parsed.config.accounts[0]! : undefined!;
    expect(account.upstream).toEqual({ host: 'outlook.office365.com', port: 993 });
    const slot = sealedFileTokenStore(file).slotFor(account, password);
    const opened = JSON.parse((await slot.read())!);
    expect(opened.RefreshToken.r.secret).toBe('RT-canary-0.AXkA-1234567890abcdefghij');
    expect(opened.AccessToken).toBeUndefined();
    const before = JSON.parse(readFileSync(file, 'utf8'));
    await slot.write(CACHE.replace('RT-canary-0', 'RT-rotated-1'));
    const after = JSON.parse(readFileSync(file, 'utf8'));
    expect(after.accounts[0].token.iv).not.toBe(before.accounts[0].token.iv);
    expect({ ...after.accounts[0], token: null }).toEqual({ ...before.accounts[0], token: null });
    expect(readFileSync(file, 'utf8')).not.toContain('RT-rotated');
    expect(
      JSON.parse((await sealedFileTokenStore(file).slotFor(account, password).read())!).RefreshToken.r.secret,
    ).toBe('RT-rotated-1.AXkA-1234567890abcdefghij');
    await expect(sealedFileTokenStore(file).slotFor(account, `${password}x`).read()).rejects.toBeInstanceOf(
      SealedSecretError,
    );
  });

  it('refuses an export without a refresh token or with a weak password', async () => {
    const base = {
      account: {
        id: 'a',
        mailbox: 'imap@contoso.de',
        oauth: { tenant: 'contoso.de', clientId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' },
      },
      cost: CHEAP,
    };
    await expect(createServerExport({ ...base, password: generatePassword(), msalCache: '{}' })).rejects.toThrow(
      /refresh token/,
    );
    await expect(createServerExport({ ...base, password: 'short', msalCache: CACHE })).rejects.toThrow(/16 ASCII/);
  });
});
