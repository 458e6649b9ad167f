/** Catalogue keys for the names of input fields, input problems and services that are not IMAP. */
import type { GreetingDetails } from '../probe/report';
import type { InputField, InputReason } from '../probe/settings';
import type { TextKey } from '../text/keys';

export const fieldNameKey = (field: InputField): TextKey => `probe:field.${field}`;

export const inputReasonKey = (reason: InputReason): TextKey => `probe:inputReason.${reason}`;

/** What a non-IMAP greeting looked like; nothing for a kind that could not be told. */
export const looksLikeKey = (kind: NonNullable<GreetingDetails['looksLike']>): TextKey | undefined =>
  kind === 'unknown' ? undefined : `probe:looksLike.${kind}`;
