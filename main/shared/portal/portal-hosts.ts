import { isAllowedExternalUrl } from '../wizard/external-links';
/**
 * Where a portal window may go. Pure functions so the policy is tested under plain Node; the Electron edge
 * (main/electron/portal-window.ts) only applies the verdicts.
 *
 * Two lists: pages the admin sees (top-level navigation) are limited to Microsoft sign-in and the portals the
 * wizard links to; frames inside those pages may also come from Microsoft's wider infrastructure, because the
 * Entra portal composes its blades from iframes served by other Microsoft hosts.
 * Matching is by exact host or a dot-separated suffix, https only, never with credentials in the URL.
 */

/** Top-level pages: sign-in and the portals the wizard opens. */
export const PORTAL_HOST_SUFFIXES = [
  // Sign-in
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.live.com',
  'account.live.com',
  // Admin portals
  'entra.microsoft.com',
  'portal.azure.com',
  'admin.microsoft.com',
  'account.activedirectory.windowsazure.com',
  // User portals (app passwords, security info)
  'mysignins.microsoft.com',
  'myaccount.microsoft.com',
  // portal.office.com forwards to the Microsoft 365 home, whose hosts moved to *.cloud.microsoft in 2024.
  'office.com',
  'microsoft365.com',
  'cloud.microsoft',
];

/** Frames may also come from these Microsoft-owned domains (portal blades, sign-in widgets, CDNs). */
export const MICROSOFT_FRAME_SUFFIXES = [
  ...PORTAL_HOST_SUFFIXES,
  'microsoft.com',
  'microsoftonline.com',
  'windows.net',
  'windowsazure.com',
  'azure.com',
  'azure.net',
  'office.net',
  'office365.com',
  'live.com',
  'msauth.net',
  'msftauth.net',
  'msocdn.com',
];

function httpsHost(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  // blob: URLs carry their creator's origin; they are as trustworthy as that origin.
  if (u.protocol === 'blob:') return httpsHost(u.pathname);
  if (u.protocol !== 'https:' || u.username || u.password) return undefined;
  return u.hostname.toLowerCase().replace(/\.$/, '');
}

const matches = (host: string, suffixes: readonly string[]) =>
  suffixes.some((s) => host === s || host.endsWith(`.${s}`));

/** True for a page a portal window may show at top level. */
export function isPortalUrl(url: string): boolean {
  const host = httpsHost(url);
  return host !== undefined && matches(host, PORTAL_HOST_SUFFIXES);
}

/** True for a URL a frame inside a portal page may load. */
export function isMicrosoftFrameUrl(url: string): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  const host = httpsHost(url);
  return host !== undefined && matches(host, MICROSOFT_FRAME_SUFFIXES);
}

/**
 * What a portal window does with a navigation or popup:
 * - 'allow': stay in the portal session;
 * - 'offer-external': block it here and offer the user's own browser (after they confirm), for https pages
 *   elsewhere, e.g. a company's own sign-in server or a help article;
 * - 'block': never (not https, credentials in the URL, unparseable, or a scheme like file: or javascript:).
 */
export type NavigationVerdict = 'allow' | 'offer-external' | 'block';

export function portalNavigationVerdict(url: string, target: 'page' | 'frame' = 'page'): NavigationVerdict {
  if (target === 'frame' ? isMicrosoftFrameUrl(url) : isPortalUrl(url)) return 'allow';
  // Frames are never offered: the user did not choose to go there, the page did.
  if (target === 'frame') return 'block';
  // Only allowlisted help pages are offered (portal pages were allowed above, so this is exactly what
  // canOpenExternally admits); the rest, e.g. a federated sign-in server, is blocked and the wizard's
  // "open in my browser's private mode" is the way there.
  return isAllowedExternalUrl(url) ? 'offer-external' : 'block';
}
