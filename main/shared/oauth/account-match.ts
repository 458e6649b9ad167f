/**
 * Is the account that signed in the profile's mailbox user? The ID token names it in `preferred_username`
 * (usually the UPN), `upn` or `email`; any of them equal to the mailbox user (ignoring case) is a match.
 */

export interface IdentityClaims {
  preferred_username?: unknown;
  upn?: unknown;
  email?: unknown;
  unique_name?: unknown;
  tid?: unknown;
}

export type AccountCheck =
  | { match: true; signedInAs: string }
  | {
      match: false;
      signedInAs: string | null;
      expected: string;
      reason: 'other-user' | 'no-name-in-token' | 'no-mailbox-user';
    };

const names = (claims: IdentityClaims): string[] =>
  [claims.preferred_username, claims.upn, claims.email, claims.unique_name].filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );

const normalise = (s: string): string => s.trim().toLowerCase();

export function checkSignedInAccount(claims: IdentityClaims, mailboxUser: string): AccountCheck {
  const candidates = names(claims);
  const signedInAs = candidates[0] ?? null;
  const expected = mailboxUser.trim();
  if (expected === '') return { match: false, signedInAs, expected, reason: 'no-mailbox-user' };
  if (!signedInAs) return { match: false, signedInAs, expected, reason: 'no-name-in-token' };
  const hit = candidates.find((n) => normalise(n) === normalise(expected));
  return hit ? { match: true, signedInAs: hit } : { match: false, signedInAs, expected, reason: 'other-user' };
}
