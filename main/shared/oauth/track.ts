import type { ServerProduct } from '../probe/codes';
import { isMicrosoftHost } from '../probe/microsoft';

/** Exchange Online is known by its host name or, behind another name (a proxy, a test double), by its greeting. */
export const isExchangeOnline = (host: string, products: readonly (ServerProduct | undefined)[] = []): boolean =>
  isMicrosoftHost(host.trim()) || products.includes('exchange-online');

/** An app-password login refused by Exchange Online is the moment to offer the switch. */
export const offerSwitchAfter = (code: string, host: string, product?: ServerProduct): boolean =>
  code === 'AUTH_FAILED' && isExchangeOnline(host, [product]);
