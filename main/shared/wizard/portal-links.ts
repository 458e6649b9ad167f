/**
 * The Microsoft pages the wizard opens, by id. The renderer only ever sends an id; the URL is looked up here
 * in main, so a compromised page cannot make the app open an arbitrary address.
 *
 * Deep links into the admin portals change without notice. Each entry says whether it was checked against
 * Microsoft's documentation (`documented`) or is a best-known portal route (`unconfirmed`, see DOMAIN.md §6);
 * unconfirmed ones land on the right portal at worst, and the step text tells the admin where to click from there.
 */
import { z } from 'zod';

/** Whose sign-in a page is for: the tenant administrator, or the mailbox user the adapter logs in as. */
export const portalIdentitySchema = z.enum(['admin', 'mailbox']);
export type PortalIdentity = z.infer<typeof portalIdentitySchema>;

export const PORTAL_LINK_IDS = [
  'entraOverview',
  'entraUsers',
  'entraAppRegistrations',
  'perUserMfa',
  'mfaServiceSettings',
  'securityInfo',
  'officePortal',
] as const;
export const portalLinkIdSchema = z.enum(PORTAL_LINK_IDS);
export type PortalLinkId = z.infer<typeof portalLinkIdSchema>;

export interface PortalLink {
  url: string;
  /** The identity the page is meant for; the wizard opens it in that identity's session unless told otherwise. */
  identity: PortalIdentity;
  verified: 'documented' | 'unconfirmed';
}

export const PORTAL_LINKS: Readonly<Record<PortalLinkId, PortalLink>> = Object.freeze({
  // Entra ID → Overview; the Properties tab (with "Manage security defaults") has no deep link of its own. Documented:
  // Microsoft Learn uses this address (cross-tenant mailbox migration).
  entraOverview: {
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
    identity: 'admin',
    verified: 'documented',
  },
  // Entra ID → Users, with "Per-user MFA" (the route Learn describes since 2025; the legacy page below is the
  // fallback). Unconfirmed: Entra's hash routes (#view/...) are internal and have been renamed before.
  entraUsers: {
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
    identity: 'admin',
    verified: 'unconfirmed',
  },
  // Entra ID → App registrations (the list with "New registration"; API permissions and Authentication live inside
  // each registration). Unconfirmed route, as above: a renamed blade lands on Entra's home, and the step says where to click.
  entraAppRegistrations: {
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
    identity: 'admin',
    verified: 'unconfirmed',
  },
  // The legacy per-user MFA page (users tab), dropped from Learn in 2025: kept as the step text's fallback only.
  perUserMfa: {
    url: 'https://account.activedirectory.windowsazure.com/usermanagement/multifactorverification.aspx',
    identity: 'admin',
    verified: 'unconfirmed',
  },
  // The legacy page's "service settings" tab with "allow users to create app passwords": a legacy portal, and still
  // the place Learn documents for the setting (howto-mfa-app-passwords).
  mfaServiceSettings: {
    url: 'https://account.activedirectory.windowsazure.com/usermanagement/mfasettings.aspx',
    identity: 'admin',
    verified: 'documented',
  },
  // Named in Microsoft Learn's app-password how-to (howto-mfa-app-passwords).
  securityInfo: { url: 'https://mysignins.microsoft.com/security-info', identity: 'mailbox', verified: 'documented' },
  // The seed document's entry point; today it forwards to the Microsoft 365 home page.
  officePortal: { url: 'https://portal.office.com', identity: 'mailbox', verified: 'documented' },
});
