/** Browsers the wizard can open a Microsoft page in, in their private mode (the renderer lists them by id). */
import { z } from 'zod';

/** In order of preference: Edge first because Microsoft's pages and security keys work best there. */
export const PRIVATE_BROWSER_IDS = ['edge', 'chrome', 'chromium', 'firefox'] as const;
export const privateBrowserIdSchema = z.enum(PRIVATE_BROWSER_IDS);
export type PrivateBrowserId = z.infer<typeof privateBrowserIdSchema>;

export type PrivateModeKind = 'inprivate' | 'incognito' | 'private-window';

export interface PrivateBrowserInfo {
  id: PrivateBrowserId;
  /** Product name as the vendor writes it. */
  name: string;
  /** Which private mode it has; the renderer shows the vendor's localized name for it. */
  privateMode: PrivateModeKind;
}
