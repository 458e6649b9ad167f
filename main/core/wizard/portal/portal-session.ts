import { randomUUID } from 'node:crypto';

import type { Language } from '@shared/ipc/channels/app';
import { translator } from '@shared/text/translator';
import type { PortalIdentity } from '@shared/wizard/portal-links';

/**
 * Partition name for a portal window. No `persist:` prefix, so Electron keeps the session in memory only;
 * a fresh random part per window means a reopened window never finds an earlier sign-in, and the identity
 * in the name keeps admin and mailbox sessions apart even within one app run.
 */
export function portalPartitionName(identity: PortalIdentity, nonce: string = randomUUID()): string {
  const safeNonce = nonce.replace(/[^A-Za-z0-9-]/g, '');
  if (!safeNonce) throw new Error('A portal partition needs a non-empty nonce.');
  return `portal-${identity}-${safeNonce}`;
}

/** In-memory means exactly: not a `persist:` partition (Electron's rule for what reaches disk). */
export const isInMemoryPartition = (partition: string): boolean => !partition.startsWith('persist:');

/** The window title names the identity, so the admin always sees whose session a window is. */
export const portalWindowTitle = (identity: PortalIdentity, language: Language): string =>
  translator(language).t(`desktop:portal.title.${identity}`);

/** Text of the confirmation before a link from a portal page leaves for the user's own browser. */
export function externalNavigationPrompt(
  url: string,
  language: Language,
): { message: string; detail: string; open: string; cancel: string } {
  const { t } = translator(language);
  return {
    message: t('desktop:portal.leave.message', { host: new URL(url).host }),
    detail: t('desktop:portal.leave.detail', { url }),
    open: t('desktop:portal.leave.open'),
    cancel: t('desktop:portal.leave.cancel'),
  };
}

/**
 * Drops the Electron and app tokens from the user agent: some Microsoft sign-in pages treat unknown browsers
 * as unsupported. What remains is the Chromium user agent the window really is.
 */
export function portalUserAgent(electronUserAgent: string): string {
  return electronUserAgent
    .split(' ')
    .filter((token) => !/^(Electron|mailadapter-assistant|Mailadapter[\w-]*)\//i.test(token))
    .join(' ');
}
