/**
 * One MSAL public client per profile registration. Logging goes to the assistant's log without personal data;
 * the network stack is MSAL's own (Node fetch), with the trust store Node provides.
 */
import { type INetworkModule, LogLevel, PublicClientApplication } from '@azure/msal-node';
import type { OAuthRegistration } from '@shared/oauth/registration';

import type { Logger } from '../log/logger';
import { type AuthorityConfig, authorityUrl, isMicrosoftGlobal } from './authority';
import type { KeychainCachePlugin } from './keychain-cache-plugin';

export interface MsalClientOptions {
  authority: AuthorityConfig;
  registration: Pick<OAuthRegistration, 'tenant' | 'clientId'>;
  cachePlugin?: KeychainCachePlugin;
  log?: Logger;
  /** Tests may route MSAL's HTTP through their own client. */
  networkClient?: INetworkModule;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info'> = {
  [LogLevel.Error]: 'error',
  [LogLevel.Warning]: 'warn',
  [LogLevel.Info]: 'info',
};

export function createMsalClient(opts: MsalClientOptions): PublicClientApplication {
  const log = opts.log;
  return new PublicClientApplication({
    auth: {
      clientId: opts.registration.clientId,
      authority: authorityUrl(opts.authority, opts.registration.tenant),
      // For a non-Microsoft host MSAL must not ask Microsoft's instance discovery; listing it makes it trusted as is.
      ...(isMicrosoftGlobal(opts.authority) ? {} : { knownAuthorities: [opts.authority.host] }),
    },
    ...(opts.cachePlugin ? { cache: { cachePlugin: opts.cachePlugin } } : {}),
    system: {
      ...(opts.networkClient ? { networkClient: opts.networkClient } : {}),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (!log || containsPii) return;
          log[LEVELS[level] ?? 'info'](`msal: ${message}`);
        },
      },
    },
  });
}
