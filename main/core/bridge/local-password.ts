/**
 * The bridge account's local password: what the mail adapter types into *E-Mail-Passwort*. Generated here from
 * ASCII letters and digits only (Jakarta Mail's LOGIN sends non-ASCII as raw 8-bit bytes and Python's imaplib
 * refuses it; agorum core is a Java application), stored only as a scrypt hash, compared in constant time.
 */
import {
  createHmac,
  randomBytes,
  randomInt,
  scrypt as scryptCb,
  type ScryptOptions,
  timingSafeEqual,
} from 'node:crypto';

import { PASSWORD_HASH } from '../../shared/bridge/config';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 62^24 ≈ 2^142.9: comfortably above 128 bits. */
export const PASSWORD_LENGTH = 24;

/** N = 2^15 costs ~50 ms and 32 MiB per check here: slow for guessing, fine for one login. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const SCRYPT_COST: ScryptCost = { N: 32768, r: 8, p: 1 };
const HASH_BYTES = 32;

export function scrypt(secret: string | Buffer, salt: Buffer, bytes: number, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise((resolve, reject) =>
    scryptCb(secret, salt, bytes, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A new local password; shown once to be copied, never stored in the clear. */
export function generatePassword(length = PASSWORD_LENGTH): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, HASH_BYTES, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** A hash nobody's password matches: unknown users cost the same time as known ones (no user enumeration). */
const DECOY = `scrypt$${SCRYPT_COST.N}$8$1$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;

export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const m = PASSWORD_HASH.exec(stored ?? DECOY) ?? PASSWORD_HASH.exec(DECOY)!;
  const [, N, r, p, salt, hash] = m;
  const expected = Buffer.from(hash!, 'base64');
  const actual = await scrypt(password, Buffer.from(salt!, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected) && stored !== undefined;
}

/**
 * Remembers passwords that passed scrypt in this process, as HMACs under a key that never leaves memory, so the
 * adapter's frequent polling logins cost microseconds instead of a scrypt run. Wrong passwords are never cached:
 * they always pay the full price (and the throttle's delay).
 */
export class VerifiedPasswords {
  private readonly key = randomBytes(32);
  private readonly known = new Map<string, Buffer>();

  private mac(password: string): Buffer {
    return createHmac('sha256', this.key).update(password, 'utf8').digest();
  }

  async check(accountId: string, password: string, stored: string | undefined): Promise<boolean> {
    const cached = this.known.get(accountId);
    if (cached && stored !== undefined && timingSafeEqual(cached, this.mac(password))) return true;
    const ok = await verifyPassword(password, stored);
    if (ok) this.known.set(accountId, this.mac(password));
    return ok;
  }

  forget(accountId: string): void {
    this.known.delete(accountId);
  }
}
