/**
 * Fixed values of the modern-authentication track: what Microsoft's identity platform and Exchange Online expect
 * from a desktop public client that reads one mailbox over IMAP with delegated permission.
 */

/** Delegated permission for IMAP on Exchange Online; the resource prefix makes the token's audience Outlook. */
export const IMAP_SCOPE = 'https://outlook.office.com/IMAP.AccessAsUser.All';

/**
 * What the sign-in asks for. `offline_access` yields the refresh token, `openid` + `email` the ID token claims used
 * to check the signed-in account. MSAL adds `openid profile offline_access` on its own; listing them all here keeps
 * the registration step's list equal to what Entra is actually asked for.
 */
export const SIGN_IN_SCOPES = [IMAP_SCOPE, 'offline_access', 'openid', 'profile', 'email'] as const;

/** What a silent refresh asks for: only the resource scope, the OIDC scopes ride along with the refresh token. */
export const REFRESH_SCOPES = [IMAP_SCOPE] as const;

/** Redirect URI for an embedded sign-in window: Microsoft's page that never renders anything useful. */
export const NATIVE_CLIENT_REDIRECT = 'https://login.microsoftonline.com/common/oauth2/nativeclient';

/** Redirect URI to register for the system browser; Entra accepts any port on it for public clients. */
export const LOOPBACK_REDIRECT = 'http://localhost';

/** Microsoft's global sign-in host; sovereign clouds (and the tests) use another one. */
export const DEFAULT_AUTHORITY_HOST = 'login.microsoftonline.com';

/** The hand-over names the platform, never a product version (the assistant cannot know what an adapter supports). */
export const IMAP_RESOURCE = 'https://outlook.office.com';

/** How long an interactive sign-in may wait for the user before it gives up. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export type SignInMode = 'system-browser' | 'embedded';
export const SIGN_IN_MODES = ['system-browser', 'embedded'] as const satisfies readonly SignInMode[];
