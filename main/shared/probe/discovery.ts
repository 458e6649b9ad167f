/**
 * Provider discovery: from an e-mail address to "is this mailbox in Microsoft 365, and which IMAP host to use".
 * Shared with the renderer (types and the address schema only).
 */
import { z } from 'zod';

import type { Security } from './codes';

export const MAX_EMAIL_LENGTH = 254;

/** A mailbox address as people type it: trimmed, one @, a domain with a dot, no spaces or control characters. */
export const emailSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter an e-mail address.' })
  .max(MAX_EMAIL_LENGTH, { message: `The e-mail address is longer than ${MAX_EMAIL_LENGTH} characters.` })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'This is not an e-mail address (name@domain.tld).' });

export type DiscoveryCode = 'OK' | 'INPUT_INVALID' | 'DNS_NOT_FOUND' | 'DNS_FAILED' | 'TIMEOUT' | 'CANCELLED';

export type MailProvider = 'microsoft365' | 'other' | 'unknown';

export interface MxRecord {
  exchange: string;
  priority: number;
}

export interface DiscoveryResult {
  code: DiscoveryCode;
  email: string;
  domain: string;
  /** Sorted by priority (lowest first). */
  mx: MxRecord[];
  /** Target of autodiscover.<domain> when it is a CNAME. */
  autodiscoverCname?: string;
  provider: MailProvider;
  /** The IMAP endpoint to prefill when the provider is known. */
  suggestion?: { host: string; port: number; security: Security };
  /** Short English facts behind the verdict (e.g. which MX record matched), for logs and support. */
  evidence: string[];
  durationMs: number;
}
