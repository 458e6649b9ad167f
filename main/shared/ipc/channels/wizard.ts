// Portal windows, private browsers, clipboard and the setup report (retests are wizard commands).
import { profileIdSchema } from '@shared/profile/profile';
import { type PrivateBrowserId, privateBrowserIdSchema, type PrivateBrowserInfo } from '@shared/wizard/browsers';
import { type CopySecretResult, MAX_CLIPBOARD_TEXT } from '@shared/wizard/clipboard';
import {
  type PortalIdentity,
  portalIdentitySchema,
  type PortalLinkId,
  portalLinkIdSchema,
} from '@shared/wizard/portal-links';
import type { ExportSetupReportResult } from '@shared/wizard/setup-report';
import { z } from 'zod';

import { channel } from '../define';
import { languageSchema } from './app';

export const wizardChannels = {
  /** Opens a Microsoft page (by id, never a URL) in the isolated portal session of one identity. */
  openPortal: channel(
    z.object({ linkId: portalLinkIdSchema, identity: portalIdentitySchema.optional() }).strict(),
  ).returns<{ linkId: PortalLinkId; identity: PortalIdentity }>(),
  /** Browsers installed on this machine that can open a page in private mode, most preferred first. */
  listPrivateBrowsers: channel(z.undefined()).returns<PrivateBrowserInfo[]>(),
  /** Opens a Microsoft page in a private window of the given (or the most preferred installed) browser. */
  openInPrivateBrowser: channel(
    z.object({ linkId: portalLinkIdSchema, browser: privateBrowserIdSchema.optional() }).strict(),
  ).returns<{ browser: PrivateBrowserId }>(),
  /**
   * Opens an allowlisted https help page in the default browser. `confirmed` records that the renderer asked
   * the user first; main still checks the allowlist (EXTERNAL_URL_REFUSED otherwise).
   */
  openExternalLink: channel(
    z.object({ url: z.string().min(1).max(2048), confirmed: z.literal(true) }).strict(),
  ).returns<{ opened: true }>(),
  /** Copies a plain, non-secret value (host, user name, port). */
  copyToClipboard: channel(z.object({ text: z.string().min(1).max(MAX_CLIPBOARD_TEXT) }).strict()).returns<{
    copied: true;
  }>(),
  /** Copies the profile's saved app password from the keychain; cleared after 30 s if still there. Never returns it. */
  copySecretToClipboard: channel(z.object({ profileId: profileIdSchema }).strict()).returns<CopySecretResult>(),
  /**
   * Writes the printable setup report. Without `path`, the user picks the place (save dialog; the harness uses
   * `<data dir>/exports/`). A given `path` (harness and tests only; the desktop app refuses it with
   * EXPORT_PATH_NOT_ALLOWED) must be absolute and end in .html.
   */
  exportSetupReport: channel(
    z
      .object({
        profileId: profileIdSchema,
        language: languageSchema,
        path: z.string().min(1).max(4096).optional(),
      })
      .strict(),
  ).returns<ExportSetupReportResult>(),
};

export const wizardEvents = {};
