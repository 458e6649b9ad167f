import type { ServerProduct } from '@shared/probe/codes';
import { isMicrosoftHost } from '@shared/probe/microsoft';

/**
 * Exchange (2013 and later, and Exchange Online) ends its greeting with the name of the back-end server that took
 * the connection, in brackets, as base64 of UTF-16LE text. Public client logs show e.g.
 * `[WgBSADAAUAAyADcAOABDAEEAMAAxADAAMQAuAEMASABFAFAAMgA3ADgALgBQAFIATwBEAC4ATwBVAFQATABPAE8ASwAuAEMATwBNAA==]`
 * = ZR0P278CA0101.CHEP278.PROD.OUTLOOK.COM (github.com/simonrob/email-oauth2-proxy/issues/183).
 */
const BACKEND_NAME = /\[([A-Za-z0-9+/]{4,400}={0,2})\]\s*$/;

/** Decoded back-end server name from an Exchange greeting, or undefined when there is none that reads as a name. */
export function exchangeBackendName(greeting: string): string | undefined {
  const encoded = BACKEND_NAME.exec(greeting)?.[1];
  if (encoded === undefined) return undefined;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const name = bytes.toString('utf16le');
  return /^[A-Za-z0-9][A-Za-z0-9.-]{0,250}$/.test(name) ? name : undefined;
}

/** Back ends of Exchange Online sit in Microsoft's zones: *.prod.outlook.com, *.prod.partner.outlook.cn (21Vianet). */
const ONLINE_BACKEND = /\.outlook\.(com|cn|de)$|\.office365\.us$/i;

/**
 * Recognises the server software from its greeting, because diagnoses differ by product. Exchange Online greets
 * like on-premises Exchange; the back-end name tells them apart, or else the host the admin connected to.
 */
export function recogniseProduct(greeting: string, host: string): ServerProduct {
  if (/Microsoft Exchange/i.test(greeting)) {
    const backend = exchangeBackendName(greeting);
    // A bare machine name (no zone) says nothing about where it runs; then the host decides.
    if (backend?.includes('.')) return ONLINE_BACKEND.test(backend) ? 'exchange-online' : 'exchange';
    return isMicrosoftHost(host) ? 'exchange-online' : 'exchange';
  }
  if (/\bDovecot\b/i.test(greeting)) return 'dovecot';
  return 'other';
}
