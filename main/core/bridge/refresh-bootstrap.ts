/**
 * Turns a bare refresh token (env-only start, `bridge export` on a server) into MSAL's cache, the form every
 * token store keeps: one refresh through the sign-in service, which also proves the token works.
 */
import { REFRESH_SCOPES } from '../../shared/oauth/constants';
import type { Logger } from '../log/logger';
import { createMsalClient } from '../oauth/msal-client';

export async function acquireByRefreshToken(opts: {
  authority: string;
  tenant: string;
  clientId: string;
  mailbox: string;
  refreshToken: string;
  log?: Logger;
}): Promise<string> {
  const pca = createMsalClient({
    authority: { host: new URL(opts.authority).host },
    registration: { tenant: opts.tenant, clientId: opts.clientId },
    ...(opts.log ? { log: opts.log } : {}),
  });
  // forceCache: without it MSAL does not keep what a bare refresh token yields.
  await pca.acquireTokenByRefreshToken({
    refreshToken: opts.refreshToken,
    scopes: [...REFRESH_SCOPES],
    forceCache: true,
  });
  return pca.getTokenCache().serialize();
}
