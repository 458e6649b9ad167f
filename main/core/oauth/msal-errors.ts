/**
 * Turns whatever MSAL (or the sign-in window, or the keychain) threw into a sign-in diagnosis. Keychain failures
 * keep their own vault codes; everything else becomes an AADSTS or local sign-in code.
 */
import { AuthError } from '@azure/msal-node';
import { AppError } from '@shared/ipc/result';
import {
  diagnoseAadsts,
  diagnoseLocal,
  diagnoseOAuthError,
  extractAadsts,
  localizeDiagnosis,
  type SignInDiagnosis,
} from '@shared/oauth/aadsts';

const NEEDS_SIGN_IN = new Set([
  'no_account_in_silent_request',
  'no_account_found',
  'no_tokens_found',
  'token_refresh_required',
]);
const UNREACHABLE = new Set([
  'endpoints_resolution_error',
  'network_error',
  'openid_config_error',
  'no_network_connectivity',
]);

export function diagnoseMsalError(err: unknown): SignInDiagnosis {
  if (err instanceof AuthError) {
    const errorNo = 'errorNo' in err ? Number((err as { errorNo?: unknown }).errorNo) : NaN;
    const code = Number.isFinite(errorNo) && errorNo > 0 ? errorNo : extractAadsts(err.errorMessage);
    if (code !== undefined) return diagnoseAadsts(code, err.errorMessage);
    if (NEEDS_SIGN_IN.has(err.errorCode)) return diagnoseLocal('SIGN_IN_REQUIRED');
    if (UNREACHABLE.has(err.errorCode)) return diagnoseLocal('AUTHORITY_UNREACHABLE', err.errorCode);
    if (err.errorCode === 'state_mismatch' || err.errorCode === 'nonce_mismatch')
      return diagnoseLocal('STATE_MISMATCH');
    if (err.errorCode === 'user_canceled') return diagnoseLocal('USER_CANCELLED');
    return diagnoseOAuthError(err.errorCode, err.errorMessage, err.subError);
  }
  return diagnoseLocal('SIGN_IN_FAILED', err instanceof Error ? err.name : undefined);
}

/**
 * The typed IPC failure for a sign-in or refresh problem: code `OAUTH_<diagnosis code>`, the diagnosis (with
 * its catalogue keys) in `details`. Keychain errors pass through unchanged so the vault's texts apply.
 */
export function signInError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return diagnosisError(diagnoseMsalError(err));
}

export function diagnosisError(diagnosis: SignInDiagnosis): AppError {
  const { title, text } = localizeDiagnosis(diagnosis, 'en');
  return new AppError(`OAUTH_${diagnosis.code}`, `${title}: ${text}`, { diagnosis });
}
