/**
 * The shape of a sign-in diagnosis: which texts it shows and what the admin does next. Texts are catalogue keys
 * (`signin:`); they cross the IPC boundary as keys and are looked up where shown.
 */
import type { TextKey } from '../text/keys';

/** What the admin does next; the wizard turns it into a button. */
export type SignInAction = 'fix-registration' | 'sign-in-again' | 'ask-admin' | 'wait' | 'retry' | 'check-network';

/** The registration steps of the wizard a diagnosis can point to. */
export type RegistrationStep = 'register' | 'platform' | 'permissions' | 'ids';

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
