/**
 * The label a keychain item carries where the platform shows one (Secret Service on Linux: Seahorse, KWallet),
 * so an administrator recognises the entry: product, connection name, mailbox, and what it holds. Lookups never
 * use it (they go by service and account), so a rename only has to refresh it.
 */
import type { Language } from '../ipc/channels/app';
import { translator } from '../text/translator';
import type { SecretKind } from './secrets';

export const KEYCHAIN_LABEL_PRODUCT = 'Mailadapter Assistant';

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
  const { t } = translator(language);
  const kindText = t(`desktop:keychainLabel.kind.${kind}`);
  const what = part ? `${kindText}, ${t('desktop:keychainLabel.part', { n: part.n, of: part.of })}` : kindText;
  return `${KEYCHAIN_LABEL_PRODUCT} – ${connection.displayName}${mailbox} – ${what}`;
}
