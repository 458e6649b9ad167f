/**
 * The label a keychain item carries where the platform shows one (Secret Service on Linux: Seahorse, KWallet),
 * so an administrator recognises the entry: product, connection name, mailbox, and what it holds. Lookups never
 * use it (they go by service and account), so a rename only has to refresh it.
 */
import type { Language } from '../ipc/channels/app';
import type { SecretKind } from './secrets';

export const KEYCHAIN_LABEL_PRODUCT = 'Mailadapter Assistant';

const KIND_TEXT: Record<Language, Record<SecretKind, string>> = {
  de: { 'app-password': 'App-Kennwort', 'oauth-refresh-token': 'Anmeldung (Refresh-Token)' },
  en: { 'app-password': 'app password', 'oauth-refresh-token': 'sign-in (refresh token)' },
};

const PART_TEXT: Record<Language, (n: number, of: number) => string> = {
  de: (n, of) => `Teil ${n} von ${of}`,
  en: (n, of) => `part ${n} of ${of}`,
};

export interface LabelledConnection {
  displayName: string;
  mailboxUser: string;
}

/** E.g. "Mailadapter Assistant – Rechnungseingang (rechnung@contoso.de) – App-Kennwort". */
export function keychainItemLabel(
  language: Language,
  kind: SecretKind,
  connection: LabelledConnection,
  part?: { n: number; of: number },
): string {
  const mailbox = connection.mailboxUser ? ` (${connection.mailboxUser})` : '';
  const what = part
    ? `${KIND_TEXT[language][kind]}, ${PART_TEXT[language](part.n, part.of)}`
    : KIND_TEXT[language][kind];
  return `${KEYCHAIN_LABEL_PRODUCT} – ${connection.displayName}${mailbox} – ${what}`;
}
