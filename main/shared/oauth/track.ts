/**
 * Which track the assistant suggests. Exchange Online refuses every password login over IMAP (basic
 * authentication is off for good, app passwords included), so for Microsoft hosts only OAuth 2.0 can work; and as
 * agorum core's form has only a password field, the bridge is what lets it do OAuth 2.0.
 */
import type { ServerProduct } from '../probe/codes';
import { isMicrosoftHost } from '../probe/microsoft';
import type { Track } from './state';

export const recommendTrack = (host: string): Track => (isMicrosoftHost(host.trim()) ? 'bridge' : 'app-password');

/**
 * An app-password login refused by Exchange Online is the moment to offer the switch. Exchange Online is known by
 * its host name or, behind another name (a proxy, a test double), by its greeting.
 */
export const offerSwitchAfter = (code: string, host: string, product?: ServerProduct): boolean =>
  code === 'AUTH_FAILED' && (product === 'exchange-online' || recommendTrack(host) !== 'app-password');
