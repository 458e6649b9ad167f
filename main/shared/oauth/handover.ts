/**
 * The values an OAuth-capable mail adapter needs to reach the mailbox the way the assistant just proved it.
 * Labels say what each value is, not which adapter version takes it: the assistant cannot know that.
 */
import { IMAP_SCOPE, LOOPBACK_REDIRECT, NATIVE_CLIENT_REDIRECT, type SignInMode } from './constants';
import type { OAuthRegistration } from './registration';

export type HandoverKey =
  | 'tenantId'
  | 'clientId'
  | 'redirectUri'
  | 'scopes'
  | 'authority'
  | 'imapHost'
  | 'imapPort'
  | 'imapSecurity'
  | 'user'
  | 'saslMechanism';

/** Labels in both languages, shared by the wizard and the setup report (built in main). */
export const HANDOVER_LABELS: Record<HandoverKey, { de: string; en: string }> = {
  tenantId: { de: 'Verzeichnis-ID (Mandant)', en: 'Directory (tenant) ID' },
  clientId: { de: 'Anwendungs-ID (Client)', en: 'Application (client) ID' },
  authority: { de: 'Autorität (Anmeldedienst)', en: 'Authority (sign-in service)' },
  redirectUri: { de: 'Umleitungs-URI', en: 'Redirect URI' },
  scopes: { de: 'Bereiche (Scopes)', en: 'Scopes' },
  imapHost: { de: 'IMAP-Host', en: 'IMAP host' },
  imapPort: { de: 'IMAP-Port', en: 'IMAP port' },
  imapSecurity: { de: 'Verschlüsselung', en: 'Encryption' },
  user: { de: 'E-Mail-Benutzer', en: 'E-mail user' },
  saslMechanism: { de: 'SASL-Verfahren', en: 'SASL mechanism' },
};

/** The heading and note a report puts around the values: what they are for, and what the assistant cannot know. */
export const HANDOVER_NOTE = {
  de: 'Werte für einen OAuth-fähigen Mail-Adapter (SASL XOAUTH2). Ob eine bestimmte agorum-core-Version OAuth 2.0 für IMAP unterstützt, stellt der Assistent nicht fest. Ein Client-Geheimnis gibt es nicht.',
  en: 'Values for an OAuth-capable mail adapter (SASL XOAUTH2). Whether a given agorum core version supports OAuth 2.0 for IMAP is not something the assistant determines. There is no client secret.',
};

export interface HandoverValue {
  key: HandoverKey;
  value: string;
}

export interface HandoverInput {
  registration: OAuthRegistration;
  authorityHost: string;
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  user: string;
}

const redirectFor = (mode: SignInMode): string => (mode === 'embedded' ? NATIVE_CLIENT_REDIRECT : LOOPBACK_REDIRECT);

export function handoverValues(input: HandoverInput): HandoverValue[] {
  const r = input.registration;
  return [
    { key: 'tenantId', value: r.tenant },
    { key: 'clientId', value: r.clientId },
    { key: 'authority', value: `https://${input.authorityHost}/${r.tenant}` },
    { key: 'redirectUri', value: redirectFor(r.mode) },
    { key: 'scopes', value: `${IMAP_SCOPE} offline_access` },
    { key: 'imapHost', value: input.host },
    { key: 'imapPort', value: String(input.port) },
    { key: 'imapSecurity', value: input.security === 'tls' ? 'SSL/TLS' : 'STARTTLS' },
    { key: 'user', value: input.user },
    { key: 'saslMechanism', value: 'XOAUTH2' },
  ];
}
