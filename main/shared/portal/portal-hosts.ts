/**
 * Hosts a portal window may show: Microsoft sign-in and the admin/user portals the wizard links to.
 * Matching is by exact host or a dot-separated suffix, https only.
 */
export const PORTAL_HOST_SUFFIXES = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.live.com',
  'entra.microsoft.com',
  'portal.azure.com',
  'admin.microsoft.com',
  'portal.office.com',
  'www.office.com',
  'office.com',
  'microsoft365.com',
  'mysignins.microsoft.com',
  'myaccount.microsoft.com',
  'account.activedirectory.windowsazure.com',
  'aadcdn.msftauth.net',
  'aadcdn.msauth.net',
  'msauth.net',
  'msftauth.net',
];

export function isPortalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  return PORTAL_HOST_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
}
