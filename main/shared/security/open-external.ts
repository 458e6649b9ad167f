import { isPortalUrl } from '../portal/portal-hosts';
import { isAllowedExternalUrl } from '../wizard/external-links';

/**
 * The last check before the operating system opens a URL (Electron's `shell.openExternal`): https only, no
 * credentials in the URL, and a host from one of two allowlists — help pages the wizard links to, or Microsoft
 * sign-in/portal hosts (the system-browser sign-in). Everything else — file:, javascript:, custom schemes,
 * look-alike hosts — is refused, whoever asks.
 */
export function canOpenExternally(url: string): boolean {
  return isAllowedExternalUrl(url) || isPortalUrl(url);
}
