import type { ServerProduct } from '@shared/probe/codes';
import { isMicrosoftHost } from '@shared/probe/microsoft';

/**
 * Recognises the server software from its greeting, because diagnoses differ by product.
 * Exchange Online greets like on-premises Exchange; it is told apart by the base64 back-end host name in brackets
 * (a *.prod.outlook.com name) or by the host the admin connected to.
 */
export function recogniseProduct(greeting: string, host: string): ServerProduct {
  if (/Microsoft Exchange/i.test(greeting)) {
    const backend = /\[([A-Za-z0-9+/=]{8,200})\]\s*$/.exec(greeting)?.[1];
    const decoded = backend === undefined ? '' : Buffer.from(backend, 'base64').toString('latin1');
    return /outlook\.com/i.test(decoded) || isMicrosoftHost(host) ? 'exchange-online' : 'exchange';
  }
  if (/\bDovecot\b/i.test(greeting)) return 'dovecot';
  return 'other';
}
