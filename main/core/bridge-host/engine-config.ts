/**
 * One connection's bridge as the engine's configuration: its listener from the stored settings, and one account —
 * the connection's mailbox user, its server as the fixed upstream, its app registration for the sign-in, the local
 * password's hash. Refuses, with the missing piece named, what would make an engine that cannot log anyone in.
 */
import { type BridgeConfig, CONFIG_FORMAT, CONFIG_VERSION, parseBridgeConfig } from '@shared/bridge/config';
import { bridgePortOf, type StoredBridge } from '@shared/bridge/host-settings';
import { AppError } from '@shared/ipc/result';
import type { OAuthRegistration } from '@shared/oauth/registration';
import type { Profile } from '@shared/profile/profile';

/** Each connection's engine serves exactly one mailbox; the account id only names it in logs and status. */
export const BRIDGE_ACCOUNT_ID = 'agorum';

export interface EngineConfigInput {
  profile: Profile;
  registration: OAuthRegistration | null;
  /** The sign-in service's host (and port), as modern authentication uses it. */
  authorityHost: string;
  bridge: StoredBridge;
}

export function listenOf(bridge: StoredBridge): BridgeConfig['listen'] {
  return {
    host: bridge.host,
    port: bridgePortOf(bridge),
    serverType: bridge.serverType,
    ...(bridge.tls === 'none' ? {} : { tls: { mode: bridge.tls } }),
    allow: [...bridge.allow],
  };
}

export function engineConfigFor({ profile, registration, authorityHost, bridge }: EngineConfigInput): BridgeConfig {
  if (!profile.mailboxUser) {
    throw new AppError('BRIDGE_NO_MAILBOX', 'Enter the mailbox user of this connection first.');
  }
  if (!registration) {
    throw new AppError('BRIDGE_NOT_REGISTERED', 'Enter the app registration (tenant and client ID) first.');
  }
  if (!bridge.passwordHash) {
    throw new AppError('BRIDGE_NO_PASSWORD', 'Generate the local password for agorum core first.');
  }
  const parsed = parseBridgeConfig({
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    listen: listenOf(bridge),
    accounts: [
      {
        id: BRIDGE_ACCOUNT_ID,
        mailbox: profile.mailboxUser,
        upstream: { host: profile.host, port: profile.port },
        oauth: { authority: `https://${authorityHost}`, tenant: registration.tenant, clientId: registration.clientId },
        passwordHash: bridge.passwordHash,
      },
    ],
  });
  if (!parsed.ok) {
    throw new AppError(
      'BRIDGE_CONFIG_INVALID',
      `The bridge settings are not usable: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues: parsed.issues },
    );
  }
  return parsed.config;
}
