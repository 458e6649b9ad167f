/**
 * Where MSAL signs in. Production: Microsoft's global cloud. `MAILADAPTER_OAUTH_AUTHORITY_HOST` points the whole
 * track at another OpenID Connect host (a sovereign cloud such as login.microsoftonline.us, or the local test
 * provider); MSAL then treats that host as a known authority and asks it, not Microsoft, for its metadata.
 */
import { DEFAULT_AUTHORITY_HOST } from '@shared/oauth/constants';

export interface AuthorityConfig {
  /** Host (and port) of the sign-in service, without scheme: MSAL only accepts https authorities. */
  host: string;
}

export const AUTHORITY_HOST_ENV = 'MAILADAPTER_OAUTH_AUTHORITY_HOST';

const HOST_AND_PORT =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/i;

export function authorityFromEnv(env: Record<string, string | undefined> = process.env): AuthorityConfig {
  const raw = env[AUTHORITY_HOST_ENV]?.trim();
  if (!raw) return { host: DEFAULT_AUTHORITY_HOST };
  if (!HOST_AND_PORT.test(raw))
    throw new Error(`${AUTHORITY_HOST_ENV} must be a host name with an optional port, e.g. login.microsoftonline.us.`);
  return { host: raw.toLowerCase() };
}

export const isMicrosoftGlobal = (cfg: AuthorityConfig): boolean => cfg.host === DEFAULT_AUTHORITY_HOST;

/** `https://<host>/<tenant>`: tenant-specific, as a single-tenant registration requires. */
export const authorityUrl = (cfg: AuthorityConfig, tenant: string): string =>
  `https://${cfg.host}/${encodeURIComponent(tenant)}`;

/** True for https URLs on the configured sign-in host (what may be handed to a browser). */
export function isAuthorityUrl(url: string, cfg: AuthorityConfig): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.host.toLowerCase() === cfg.host && !u.username && !u.password;
  } catch {
    return false;
  }
}
