/**
 * Sign-in failures as diagnoses: Microsoft identity platform error codes (AADSTS…) and the assistant's own sign-in
 * outcomes, each with German and English guidance and the action that resolves it. Codes come from the redirect,
 * the token endpoint, the text of an error page, or the admin typing what the browser showed.
 */
import type { Language } from '../ipc/channels/app';
import { translator } from '../text/translator';
import { AADSTS, ALIASES, REFRESH_GONE } from './aadsts-codes';
import { LOCAL_SIGN_IN as LOCAL } from './local-sign-in';
import { LOCAL_SIGN_IN_CODES, type LocalSignInCode, type SignInEntry } from './sign-in-entry';

export {
  LOCAL_SIGN_IN_CODES,
  type LocalSignInCode,
  type RegistrationStep,
  type SignInAction,
  type SignInEntry,
} from './sign-in-entry';

export interface SignInDiagnosis extends SignInEntry {
  /** `AADSTS50011`-style for Microsoft codes, otherwise a LocalSignInCode. */
  code: string;
  aadsts?: number;
  /** Microsoft's own description, shortened; never contains a token. */
  serverMessage?: string;
}

/** The first `AADSTS<number>` in a text (error description, page text, user input like "aadsts 50011"). */
export function extractAadsts(text: string | undefined): number | undefined {
  const m = /AADSTS\s*(\d{5,7})\b/i.exec(text ?? '') ?? /^\s*(\d{5,7})\s*$/.exec(text ?? '');
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

export const isKnownAadsts = (code: number): boolean => code in AADSTS || code in ALIASES || REFRESH_GONE.has(code);

function entryForAadsts(code: number): SignInEntry | undefined {
  return AADSTS[ALIASES[code] ?? code] ?? (REFRESH_GONE.has(code) ? LOCAL.REFRESH_EXPIRED : undefined);
}

/** Microsoft's descriptions carry trace and correlation ids after the first sentence; the first line is enough. */
function shorten(message: string | undefined): string | undefined {
  const first = message?.split(/\r?\n|Trace ID:/)[0]?.trim();
  return first ? first.slice(0, 300) : undefined;
}

export function diagnoseAadsts(code: number, serverMessage?: string): SignInDiagnosis {
  const entry = entryForAadsts(code) ?? LOCAL.SIGN_IN_FAILED;
  const short = shorten(serverMessage);
  // A dead refresh token is one situation whatever number Microsoft gives it; the number stays for support.
  const name = REFRESH_GONE.has(code) ? 'REFRESH_EXPIRED' : `AADSTS${code}`;
  return { ...entry, code: name, aadsts: code, ...(short ? { serverMessage: short } : {}) };
}

export function diagnoseLocal(code: LocalSignInCode, serverMessage?: string): SignInDiagnosis {
  const short = shorten(serverMessage);
  return { ...LOCAL[code], code, ...(short ? { serverMessage: short } : {}) };
}

export const isLocalSignInCode = (value: unknown): value is LocalSignInCode =>
  typeof value === 'string' && (LOCAL_SIGN_IN_CODES as readonly string[]).includes(value);

/**
 * An OAuth error response (`error`, `error_description`, `error_subcode`) as a diagnosis. A cancelled consent or
 * login arrives as `access_denied` with sub-code `cancel` and no AADSTS code worth more than "cancelled".
 */
export function diagnoseOAuthError(error: string | undefined, description?: string, subcode?: string): SignInDiagnosis {
  const code = extractAadsts(description);
  if (error === 'access_denied' && (subcode === 'cancel' || code === undefined))
    return diagnoseLocal('USER_CANCELLED', description);
  if (code !== undefined) return diagnoseAadsts(code, description);
  if (error === 'invalid_grant' || error === 'interaction_required' || error === 'login_required') {
    return diagnoseLocal('REFRESH_EXPIRED', description);
  }
  return diagnoseLocal('SIGN_IN_FAILED', [error, description].filter(Boolean).join(': '));
}

export function localizeDiagnosis(d: SignInDiagnosis, language: Language): { title: string; text: string } {
  const { t } = translator(language);
  return { title: t(d.title), text: t(d.text) };
}
