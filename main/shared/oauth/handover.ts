/**
 * The values an OAuth-capable mail adapter needs to reach the mailbox the way the assistant just proved it.
 * Labels say what each value is, not which adapter version takes it: the assistant cannot know that.
 */
import { textKey } from '../text/keys';
import { IMAP_SCOPE, LOOPBACK_REDIRECT, NATIVE_CLIENT_REDIRECT, type SignInMode } from './constants';
import type { OAuthRegistration } from './registration';

const HANDOVER_KEYS = [
  'tenantId',
  'clientId',
  'redirectUri',
  'scopes',
  'authority',
  'imapHost',
  'imapPort',
  'imapSecurity',
  'user',
  'saslMechanism',
] as const;
export type HandoverKey = (typeof HANDOVER_KEYS)[number];

/** Stored values may come from another version: only known keys have a label. */
export const isHandoverKey = (key: string): key is HandoverKey => (HANDOVER_KEYS as readonly string[]).includes(key);

/** The label of a value, shared by the wizard and the setup report. */
export const handoverLabelKey = (key: HandoverKey) => textKey(`oauth:handover.label.${key}`);

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
