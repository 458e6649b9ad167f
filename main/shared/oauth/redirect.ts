/**
 * Decides, for every navigation of the embedded sign-in window, whether it is the configured redirect (intercept,
 * never load), an ordinary sign-in page (load) or something else (refuse). Pure, so the rule is tested without Electron.
 */

/** What the identity provider appended to the redirect URI. */
export interface AuthResponse {
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
  errorSubcode?: string;
}

export type BlockReason = 'unparseable' | 'insecure' | 'credentials-in-url' | 'look-alike-redirect' | 'foreign-host';

export type NavigationVerdict =
  { kind: 'redirect'; response: AuthResponse } | { kind: 'allow' } | { kind: 'block'; reason: BlockReason };

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

/** Scheme, host (case-insensitive), effective port and exact path: the parts a redirect URI registration pins. */
function sameEndpoint(a: URL, b: URL): boolean {
  return (
    a.protocol === b.protocol &&
    a.hostname.toLowerCase() === b.hostname.toLowerCase() &&
    a.port === b.port &&
    a.pathname === b.pathname
  );
}

/** Parameters that hand over a credential; `state` and `error` also appear on ordinary sign-in pages. */
const CREDENTIAL_PARAMS = ['code', 'id_token', 'access_token'];

const paramsOf = (u: URL): URLSearchParams[] => [u.searchParams, new URLSearchParams(u.hash.slice(1))];

function responseOf(u: URL): AuthResponse {
  // Query mode is what the assistant requests; a fragment is read too so a provider that ignores it still fails safely.
  const params = new URLSearchParams(u.search);
  if (u.hash.length > 1)
    for (const [k, v] of new URLSearchParams(u.hash.slice(1))) if (!params.has(k)) params.set(k, v);
  const pick = (k: string) => params.get(k) ?? undefined;
  const response: AuthResponse = {};
  const entries: [keyof AuthResponse, string | undefined][] = [
    ['code', pick('code')],
    ['state', pick('state')],
    ['error', pick('error')],
    ['errorDescription', pick('error_description')],
    ['errorSubcode', pick('error_subcode')],
  ];
  for (const [k, v] of entries) if (v !== undefined) response[k] = v;
  return response;
}

/**
 * `redirectUri` is the one configured for this sign-in; `isSignInPage` says which https pages the window may show
 * (Microsoft's sign-in hosts in production). Anything carrying an authorization response to another address is
 * refused, so a code never travels to a page the assistant did not choose.
 */
export function classifyNavigation(
  url: string,
  redirectUri: string,
  isSignInPage: (u: URL) => boolean,
): NavigationVerdict {
  const target = parse(url);
  const expected = parse(redirectUri);
  if (!target || !expected) return { kind: 'block', reason: 'unparseable' };
  if (target.username || target.password) return { kind: 'block', reason: 'credentials-in-url' };
  if (sameEndpoint(target, expected)) return { kind: 'redirect', response: responseOf(target) };
  const carriesCredential = paramsOf(target).some((ps) => CREDENTIAL_PARAMS.some((p) => ps.has(p)));
  const carriesResponse = carriesCredential || paramsOf(target).some((ps) => ps.has('error'));
  const samePlace = target.hostname.toLowerCase() === expected.hostname.toLowerCase() && target.pathname !== '/';
  const similarPath = target.pathname.startsWith(expected.pathname) || expected.pathname.startsWith(target.pathname);
  // A near miss of the redirect URI (other scheme, port or path suffix) must not be loaded: it may be a trap.
  if (
    samePlace &&
    similarPath &&
    (carriesResponse || target.protocol !== expected.protocol || target.port !== expected.port)
  ) {
    return { kind: 'block', reason: 'look-alike-redirect' };
  }
  if (carriesCredential) return { kind: 'block', reason: 'look-alike-redirect' };
  if (target.protocol !== 'https:') return { kind: 'block', reason: 'insecure' };
  return isSignInPage(target) ? { kind: 'allow' } : { kind: 'block', reason: 'foreign-host' };
}

/** The state the assistant generated must come back unchanged, or the response belongs to another sign-in. */
export const stateMatches = (response: AuthResponse, expected: string): boolean =>
  typeof response.state === 'string' && response.state.length > 0 && response.state === expected;
