/**
 * What can refuse a bearer token (XOAUTH2) once Microsoft's sign-in has issued it: the token itself, the consent
 * behind it, or Exchange Online's own switches for the mailbox. The same list serves login and the first mailbox
 * command; the token's claims re-rank it later (shared/oauth/xoauth2-causes).
 */
import type { ActionEntry, CauseEntry } from './types';

export const imapDisabled = (weight: number): CauseEntry => ({
  id: 'imap-disabled-for-mailbox',
  weight,
  text: 'diagnosis:shared.causes.imap-disabled-for-mailbox',
});

export const enableImap: ActionEntry = {
  id: 'enable-imap',
  text: 'diagnosis:shared.actions.enable-imap',
};

/** Causes when a bearer token (XOAUTH2) is refused; the same on login and on the first mailbox command. */
export const tokenCauses: CauseEntry[] = [
  {
    id: 'token-wrong-audience',
    weight: 100,
    text: 'diagnosis:shared.causes.token-wrong-audience',
  },
  {
    id: 'consent-missing',
    weight: 70,
    text: 'diagnosis:shared.causes.consent-missing',
  },
  imapDisabled(50),
  {
    id: 'imap-off-by-mailbox-plan',
    weight: 45,
    text: 'diagnosis:shared.causes.imap-off-by-mailbox-plan',
  },
  {
    id: 'user-not-mailbox',
    weight: 40,
    text: 'diagnosis:shared.causes.user-not-mailbox',
  },
  {
    id: 'token-expired',
    weight: 25,
    text: 'diagnosis:shared.causes.token-expired',
  },
  // Rare tenant-wide switches: they refuse every token, so they come after what concerns this one token.
  {
    id: 'modern-auth-blocked-imap',
    weight: 20,
    text: 'diagnosis:shared.causes.modern-auth-blocked-imap',
  },
  {
    id: 'exchange-app-sign-in-disabled',
    weight: 10,
    text: 'diagnosis:shared.causes.exchange-app-sign-in-disabled',
  },
];

export const tokenActions: ActionEntry[] = [
  {
    id: 'check-app-registration',
    text: 'diagnosis:shared.actions.check-app-registration',
  },
  enableImap,
];
