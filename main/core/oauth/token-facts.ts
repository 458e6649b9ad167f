/**
 * Reads the non-secret claims of an access token for diagnosis. The signature is not checked: the server does
 * that; these facts only rank causes. Microsoft may issue opaque tokens one day, then the facts are all null.
 */
import type { TokenFacts } from '@shared/oauth/xoauth2-causes';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v.slice(0, 320) : null);

export function tokenFacts(accessToken: string): TokenFacts {
  const payload = accessToken.split('.')[1];
  let claims: Record<string, unknown> = {};
  try {
    if (payload) claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    claims = {};
  }
  const exp = typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : null;
  return {
    audience: str(claims.aud),
    scopes: (str(claims.scp) ?? '').split(' ').filter(Boolean).slice(0, 50),
    user: str(claims.upn) ?? str(claims.preferred_username) ?? str(claims.unique_name),
    expiresAt: exp,
  };
}
