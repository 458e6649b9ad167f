/**
 * What a client reads when its login cannot be completed although its local password was right: one IMAP line
 * with the fitting response code (RFC 5530) and the product's diagnosis code, so the admin can look it up in the
 * assistant, the log and the status. The texts hold no secret and no server payload.
 */
import type { BridgeLoginCode } from '../../shared/bridge/status';

export interface Refusal {
  code: BridgeLoginCode;
  /** The diagnosis behind a token problem (REFRESH_EXPIRED, AADSTS50076, ...). */
  detail?: string;
  backoffMs?: number;
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').slice(0, 400);

export function refusalLine(r: Refusal, mailbox: string, upstream: string): string {
  const code = r.detail ? `${r.code}, ${r.detail}` : r.code;
  switch (r.code) {
    case 'NEEDS_SIGN_IN':
      return oneLine(
        `NO [AUTHENTICATIONFAILED] The mailbox ${mailbox} must sign in again (Mailadapter Assistant: "Als Postfachbenutzer anmelden") (${code}).`,
      );
    case 'AUTH_FAILED':
      return oneLine(`NO [AUTHENTICATIONFAILED] ${upstream} refused the OAuth sign-in of ${mailbox} (${code}).`);
    case 'AUTH_THROTTLED': {
      const wait = r.backoffMs !== undefined ? ` Try again in ${Math.ceil(r.backoffMs / 1000)} s.` : '';
      return oneLine(`NO [UNAVAILABLE] ${upstream} is throttling logins for ${mailbox}.${wait} (${code})`);
    }
    case 'SESSION_LIMIT':
      return oneLine(`NO [LIMIT] Too many sessions for ${mailbox} through the bridge (${code}).`);
    case 'TOKEN_UNAVAILABLE':
      return oneLine(`NO [UNAVAILABLE] No access token for ${mailbox} from the sign-in service right now (${code}).`);
    case 'TOKEN_STORE_FAILED':
      return oneLine(`NO [UNAVAILABLE] The bridge could not read the stored sign-in of ${mailbox} (${code}).`);
    case 'TLS_UNTRUSTED':
    case 'TLS_EXPIRED':
    case 'TLS_HOSTNAME_MISMATCH':
    case 'TLS_HANDSHAKE_FAILED':
      return oneLine(
        `NO [UNAVAILABLE] The TLS connection to ${upstream} was not trustworthy; nothing was sent (${code}).`,
      );
    case 'SERVER_UNAVAILABLE':
    case 'SERVER_BYE':
      return oneLine(`NO [UNAVAILABLE] ${upstream} is not accepting sessions right now (${code}).`);
    case 'MAILBOX_NOT_CONNECTED':
      return oneLine(`NO [UNAVAILABLE] ${upstream} accepted ${mailbox} but cannot open its mailbox (${code}).`);
    default:
      return oneLine(`NO [UNAVAILABLE] ${upstream} could not be used (${code}).`);
  }
}
