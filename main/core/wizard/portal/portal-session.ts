import { randomUUID } from 'node:crypto';

import type { Language } from '@shared/ipc/channels/app';
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

const TITLES: Record<Language, Record<PortalIdentity, string>> = {
  de: {
    admin: 'Microsoft – Anmeldung als Administrator',
    mailbox: 'Microsoft – Anmeldung als Postfach-Benutzer',
  },
  en: {
    admin: 'Microsoft – signed in as administrator',
    mailbox: 'Microsoft – signed in as mailbox user',
  },
};

/** The window title names the identity, so the admin always sees whose session a window is. */
export const portalWindowTitle = (identity: PortalIdentity, language: Language): string => TITLES[language][identity];

/** Text of the confirmation before a link from a portal page leaves for the user's own browser. */
export function externalNavigationPrompt(
  url: string,
  language: Language,
): { message: string; detail: string; open: string; cancel: string } {
  const host = new URL(url).host;
  return language === 'de'
    ? {
        message: `Diese Seite möchte zu ${host} wechseln.`,
        detail: `Das Anmeldefenster zeigt nur Microsoft-Seiten. Soll ${url} stattdessen in Ihrem Standardbrowser geöffnet werden?`,
        open: 'Im Browser öffnen',
        cancel: 'Abbrechen',
      }
    : {
        message: `This page wants to go to ${host}.`,
        detail: `The sign-in window shows Microsoft pages only. Open ${url} in your default browser instead?`,
        open: 'Open in browser',
        cancel: 'Cancel',
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
