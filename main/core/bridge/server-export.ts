/**
 * The hand-over from the desktop app to a headless server: ONE file with the bridge configuration, the local
 * password's scrypt hash and the account's MSAL cache sealed under that password. The file alone opens nothing;
 * whoever has it also needs the local password, which the admin types into agorum's *E-Mail-Passwort* anyway.
 */
import {
  type BridgeConfig,
  type BridgeConfigInput,
  CONFIG_FORMAT,
  CONFIG_VERSION,
  parseBridgeConfig,
} from '../../shared/bridge/config';
import { persistableCache } from '../oauth/cache-filter';
import { hashPassword, SCRYPT_COST, type ScryptCost } from './local-password';
import { deriveSealingKey, seal } from './sealed-secret';

export interface ServerExportAccount {
  id: string;
  mailbox: string;
  upstream?: { host: string; port: number };
  oauth: { authority?: string; tenant: string; clientId: string };
}

export interface ServerExportInput {
  account: ServerExportAccount;
  /** The local password the adapter will use (letters and digits, see generatePassword). */
  password: string;
  /** MSAL's serialized token cache as the sign-in left it (the keychain plugin's form); only the refresh part is kept. */
  msalCache: string;
  listen?: BridgeConfigInput['listen'];
  limits?: BridgeConfigInput['limits'];
  cost?: ScryptCost;
}

export class ServerExportError extends Error {}

/** Builds the export file's text; validated exactly as the server will read it. */
export async function createServerExport(input: ServerExportInput): Promise<{ text: string; config: BridgeConfig }> {
  const persistable = persistableCache(input.msalCache);
  if (!persistable)
    throw new ServerExportError('The sign-in holds no refresh token: sign in as the mailbox user first.');
  if (!/^[A-Za-z0-9]{16,}$/.test(input.password))
    throw new ServerExportError('The local password must be at least 16 ASCII letters and digits.');
  const cost = input.cost ?? SCRYPT_COST;
  const key = await deriveSealingKey(input.password, undefined, cost);
  const document = {
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    ...(input.listen ? { listen: input.listen } : {}),
    ...(input.limits ? { limits: input.limits } : {}),
    accounts: [
      {
        id: input.account.id,
        mailbox: input.account.mailbox,
        ...(input.account.upstream ? { upstream: input.account.upstream } : {}),
        oauth: input.account.oauth,
        passwordHash: await hashPassword(input.password, cost),
        token: seal(persistable, key, input.account.id),
      },
    ],
  };
  const parsed = parseBridgeConfig(document);
  if (!parsed.ok) throw new ServerExportError(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return { text: `${JSON.stringify(document, null, 2)}\n`, config: parsed.config };
}
