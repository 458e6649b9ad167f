/** Sign-in outcomes the assistant detects itself, without an AADSTS number. */
import type { LocalSignInCode, SignInEntry } from './sign-in-entry';

export const LOCAL_SIGN_IN: Record<LocalSignInCode, SignInEntry> = {
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
