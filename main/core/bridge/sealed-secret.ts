/**
 * Token material at rest on a server without an OS keychain: AES-256-GCM under a key derived with scrypt from the
 * account's local password (the idea of email-oauth2-proxy). Without that password the file is opaque; the key
 * exists only in memory, after a client logged in with the right password. The account id is bound in as
 * additional data, so a sealed entry cannot be moved to another account unnoticed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { SealedSecret } from '../../shared/bridge/config';
import { scrypt, SCRYPT_COST } from './local-password';

export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedSecretError';
  }
}

export interface SealingKey {
  key: Buffer;
  salt: string;
  cost: { N: number; r: number; p: number };
}

export async function deriveSealingKey(
  password: string,
  salt?: string,
  cost: { N: number; r: number; p: number } = SCRYPT_COST,
): Promise<SealingKey> {
  const saltB64 = salt ?? randomBytes(16).toString('base64');
  return { key: await scrypt(password, Buffer.from(saltB64, 'base64'), 32, cost), salt: saltB64, cost };
}

export function seal(plaintext: string, key: SealingKey, accountId: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(`mailadapter-bridge:${accountId}`, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    alg: 'scrypt+aes-256-gcm',
    ...key.cost,
    salt: key.salt,
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function unseal(sealed: SealedSecret, key: SealingKey, accountId: string): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(`mailadapter-bridge:${accountId}`, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedSecretError(
      'The sealed token could not be opened (wrong password, other account, or altered data).',
    );
  }
}
