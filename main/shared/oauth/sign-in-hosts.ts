/**
 * Pages the embedded sign-in window may show: Microsoft's sign-in service and the pages it sends a user to
 * during sign-in (MFA registration, seamless SSO). Federated identity providers (AD FS and the like) are not
 * on the list; tenants using them sign in through the system browser instead.
 */
const SIGN_IN_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.live.com',
  'account.live.com',
  'autologon.microsoftazuread-sso.com',
  'mysignins.microsoft.com',
  'account.activedirectory.windowsazure.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
];

/** https on a listed host or the configured authority host (which is what tests and sovereign clouds change). */
export function isSignInPage(url: URL, authorityHost: string): boolean {
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return (
    url.host.toLowerCase() === authorityHost.toLowerCase() ||
    SIGN_IN_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))
  );
}
