/**
 * Field-level validation messages for profile forms, keyed by a stable code. zod issues carry the code as their
 * message, so main (IPC INPUT_INVALID details) and the renderer (form hints) show the same localized text.
 */
import type { Language } from '../ipc/channels/app';

export const PROFILE_FIELD_MESSAGES = {
  'displayName.required': {
    de: 'Bitte geben Sie der Verbindung einen Namen, z. B. „Posteingang Rechnungen“.',
    en: 'Please give the connection a name, for example “Invoices inbox”.',
  },
  'displayName.tooLong': {
    de: 'Der Name darf höchstens 80 Zeichen lang sein.',
    en: 'The name can be at most 80 characters long.',
  },
  'displayName.invalidChars': {
    de: 'Der Name darf keine Steuerzeichen (z. B. Zeilenumbrüche oder Tabs) enthalten.',
    en: 'The name must not contain control characters such as line breaks or tabs.',
  },
  'tenantLabel.tooLong': {
    de: 'Die Mandanten-Bezeichnung darf höchstens 120 Zeichen lang sein.',
    en: 'The tenant label can be at most 120 characters long.',
  },
  'tenantLabel.invalidChars': {
    de: 'Die Mandanten-Bezeichnung darf keine Steuerzeichen enthalten.',
    en: 'The tenant label must not contain control characters.',
  },
  'mailboxUser.notEmail': {
    de: 'Der Postfach-Benutzer muss eine E-Mail-Adresse wie name@firma.de sein (die Anmeldung des Benutzers bei Microsoft 365).',
    en: 'The mailbox user must be an email address such as name@company.com (the user’s Microsoft 365 sign-in).',
  },
  'mailboxUser.tooLong': {
    de: 'Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen, vor dem @ höchstens 64).',
    en: 'The email address is too long (at most 254 characters, at most 64 before the @).',
  },
  'host.invalid': {
    de: 'Der Server muss ein Rechnername wie outlook.office365.com oder eine IP-Adresse sein – ohne https:// und ohne Pfad.',
    en: 'The server must be a host name such as outlook.office365.com or an IP address – without https:// and without a path.',
  },
  'port.invalid': {
    de: 'Der Port muss eine ganze Zahl zwischen 1 und 65535 sein (IMAP mit TLS: 993).',
    en: 'The port must be a whole number from 1 to 65535 (IMAP over TLS: 993).',
  },
  'security.invalid': {
    de: 'Bitte wählen Sie die Verschlüsselung: TLS (empfohlen) oder STARTTLS.',
    en: 'Please choose the encryption: TLS (recommended) or STARTTLS.',
  },
  'profileId.invalid': {
    de: 'Die Kennung der Verbindung ist ungültig.',
    en: 'The connection identifier is invalid.',
  },
  'stepId.invalid': {
    de: 'Die Kennung des Schritts ist ungültig.',
    en: 'The step identifier is invalid.',
  },
  'note.tooLong': {
    de: 'Die Notiz darf höchstens 2000 Zeichen lang sein.',
    en: 'The note can be at most 2000 characters long.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type ProfileFieldCode = keyof typeof PROFILE_FIELD_MESSAGES;

export const isProfileFieldCode = (code: unknown): code is ProfileFieldCode =>
  typeof code === 'string' && Object.prototype.hasOwnProperty.call(PROFILE_FIELD_MESSAGES, code);

/** Localized text for a field code; unknown codes (e.g. zod's own type errors) fall back to a generic sentence. */
export function profileFieldMessage(code: string, language: Language): string {
  if (isProfileFieldCode(code)) return PROFILE_FIELD_MESSAGES[code][language];
  return language === 'de' ? 'Dieser Wert ist ungültig.' : 'This value is invalid.';
}
