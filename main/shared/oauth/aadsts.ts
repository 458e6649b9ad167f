/**
 * Sign-in failures as diagnoses: Microsoft identity platform error codes (AADSTS…) and the assistant's own sign-in
 * outcomes, each with German and English guidance and the action that resolves it. Codes come from the redirect,
 * the token endpoint, the text of an error page, or the admin typing what the browser showed.
 */
import type { Language } from '../ipc/channels/app';
import type { TextKey } from '../text/keys';
import { translator } from '../text/translator';

/** What the admin does next; the wizard turns it into a button. */
export type SignInAction = 'fix-registration' | 'sign-in-again' | 'ask-admin' | 'wait' | 'retry' | 'check-network';

/** The registration steps of the wizard a diagnosis can point to. */
export type RegistrationStep = 'register' | 'platform' | 'permissions' | 'ids';

/** Texts are catalogue keys (`signin:`); they cross the IPC boundary as keys and are looked up where shown. */
export interface SignInEntry {
  title: TextKey;
  text: TextKey;
  action: SignInAction;
  step?: RegistrationStep;
}

/** Outcomes that do not come with an AADSTS number. */
export const LOCAL_SIGN_IN_CODES = [
  'USER_CANCELLED',
  'WINDOW_CLOSED',
  'TIMEOUT',
  'ACCOUNT_MISMATCH',
  'REFRESH_EXPIRED',
  'SIGN_IN_REQUIRED',
  'AUTHORITY_UNREACHABLE',
  'STATE_MISMATCH',
  'SIGN_IN_FAILED',
] as const;
export type LocalSignInCode = (typeof LOCAL_SIGN_IN_CODES)[number];

const AADSTS: Record<number, SignInEntry> = {
  50011: {
    title: 'signin:aadsts.50011.title',
    text: 'signin:aadsts.50011.text',
    action: 'fix-registration',
    step: 'platform',
  },
  65001: {
    title: 'signin:aadsts.65001.title',
    text: 'signin:aadsts.65001.text',
    action: 'fix-registration',
    step: 'permissions',
  },
  700016: {
    title: 'signin:aadsts.700016.title',
    text: 'signin:aadsts.700016.text',
    action: 'fix-registration',
    step: 'ids',
  },
  7000218: {
    title: 'signin:aadsts.7000218.title',
    text: 'signin:aadsts.7000218.text',
    action: 'fix-registration',
    step: 'platform',
  },
  50053: {
    title: 'signin:aadsts.50053.title',
    text: 'signin:aadsts.50053.text',
    action: 'wait',
  },
  50076: {
    title: 'signin:aadsts.50076.title',
    text: 'signin:aadsts.50076.text',
    action: 'sign-in-again',
  },
  50079: {
    title: 'signin:aadsts.50079.title',
    text: 'signin:aadsts.50079.text',
    action: 'sign-in-again',
  },
  90002: {
    title: 'signin:aadsts.90002.title',
    text: 'signin:aadsts.90002.text',
    action: 'fix-registration',
    step: 'ids',
  },
  53003: {
    title: 'signin:aadsts.53003.title',
    text: 'signin:aadsts.53003.text',
    action: 'ask-admin',
  },
  65004: {
    title: 'signin:aadsts.65004.title',
    text: 'signin:aadsts.65004.text',
    action: 'fix-registration',
    step: 'permissions',
  },
  90094: {
    title: 'signin:aadsts.90094.title',
    text: 'signin:aadsts.90094.text',
    action: 'fix-registration',
    step: 'permissions',
  },
  650057: {
    title: 'signin:aadsts.650057.title',
    text: 'signin:aadsts.650057.text',
    action: 'fix-registration',
    step: 'permissions',
  },
  500011: {
    title: 'signin:aadsts.500011.title',
    text: 'signin:aadsts.500011.text',
    action: 'ask-admin',
  },
  50020: {
    title: 'signin:aadsts.50020.title',
    text: 'signin:aadsts.50020.text',
    action: 'sign-in-again',
  },
  50034: {
    title: 'signin:aadsts.50034.title',
    text: 'signin:aadsts.50034.text',
    action: 'sign-in-again',
  },
  50126: {
    title: 'signin:aadsts.50126.title',
    text: 'signin:aadsts.50126.text',
    action: 'sign-in-again',
  },
};

/** Grant expired or revoked: the refresh token is gone for good, an interactive sign-in must replace it. */
const REFRESH_GONE = new Set([70008, 700082, 50173, 50133, 700084, 70043, 54005, 50078, 50089]);
/** Same guidance as another code. */
const ALIASES: Record<number, number> = {
  90095: 90094,
  90008: 65001,
  50158: 50076,
  50074: 50076,
  53000: 53003,
  53001: 53003,
  53002: 53003,
};

const LOCAL: Record<LocalSignInCode, SignInEntry> = {
  USER_CANCELLED: {
    title: 'signin:local.USER_CANCELLED.title',
    text: 'signin:local.USER_CANCELLED.text',
    action: 'sign-in-again',
  },
  WINDOW_CLOSED: {
    title: 'signin:local.WINDOW_CLOSED.title',
    text: 'signin:local.WINDOW_CLOSED.text',
    action: 'sign-in-again',
  },
  TIMEOUT: {
    title: 'signin:local.TIMEOUT.title',
    text: 'signin:local.TIMEOUT.text',
    action: 'sign-in-again',
  },
  ACCOUNT_MISMATCH: {
    title: 'signin:local.ACCOUNT_MISMATCH.title',
    text: 'signin:local.ACCOUNT_MISMATCH.text',
    action: 'sign-in-again',
  },
  REFRESH_EXPIRED: {
    title: 'signin:local.REFRESH_EXPIRED.title',
    text: 'signin:local.REFRESH_EXPIRED.text',
    action: 'sign-in-again',
  },
  SIGN_IN_REQUIRED: {
    title: 'signin:local.SIGN_IN_REQUIRED.title',
    text: 'signin:local.SIGN_IN_REQUIRED.text',
    action: 'sign-in-again',
  },
  AUTHORITY_UNREACHABLE: {
    title: 'signin:local.AUTHORITY_UNREACHABLE.title',
    text: 'signin:local.AUTHORITY_UNREACHABLE.text',
    action: 'check-network',
    step: 'ids',
  },
  STATE_MISMATCH: {
    title: 'signin:local.STATE_MISMATCH.title',
    text: 'signin:local.STATE_MISMATCH.text',
    action: 'sign-in-again',
  },
  SIGN_IN_FAILED: {
    title: 'signin:local.SIGN_IN_FAILED.title',
    text: 'signin:local.SIGN_IN_FAILED.text',
    action: 'retry',
  },
};

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
  if (REFRESH_GONE.has(code)) return LOCAL.REFRESH_EXPIRED;
  return AADSTS[ALIASES[code] ?? code];
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
