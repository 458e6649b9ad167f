/**
 * The error codes of the keychain, store and import/export that have a text in the catalogue (`errors:code.*`),
 * each saying what happened and what to do. Main puts the English text into `AppError.message` and both languages
 * into `details.text`; the renderer can also look them up by code.
 */
import type { Language } from '../ipc/channels/app';
import type { TextKey } from '../text/keys';
import type { Catalogue } from '../text/resources';
import { translator } from '../text/translator';

export type VaultMessageCode = keyof Catalogue['errors']['code'];

export const vaultErrorKey = (code: VaultMessageCode): TextKey => `errors:code.${code}`;

/** Whether a code that came back from main has a text of its own. */
export const isVaultMessageCode = (code: string): code is VaultMessageCode =>
  translator('en').has(`errors:code.${code}`);

export const vaultErrorText = (code: VaultMessageCode, language: Language): string =>
  translator(language).t(vaultErrorKey(code));
