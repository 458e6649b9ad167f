/**
 * Microsoft identity platform error codes (AADSTS…) the assistant explains, each with the registration step or
 * action that resolves it. Facts follow Microsoft Learn's error code reference; texts live in the catalogue.
 */
import type { SignInEntry } from './sign-in-entry';

export const AADSTS: Record<number, SignInEntry> = {
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
  65006: {
    title: 'signin:aadsts.65006.title',
    text: 'signin:aadsts.65006.text',
    action: 'fix-registration',
    step: 'permissions',
  },
  70011: {
    title: 'signin:aadsts.70011.title',
    text: 'signin:aadsts.70011.text',
    action: 'fix-registration',
    step: 'permissions',
  },
  // Disabled service principal: either this app or the resource (Office 365 Exchange Online); Microsoft's
  // message names which, and only a tenant administrator can switch it back on.
  7000112: {
    title: 'signin:aadsts.7000112.title',
    text: 'signin:aadsts.7000112.text',
    action: 'ask-admin',
  },
  // Also in REFRESH_GONE: it behaves like every dead grant, only the reason shown is its own.
  700081: {
    title: 'signin:aadsts.700081.title',
    text: 'signin:aadsts.700081.text',
    action: 'sign-in-again',
  },
  50126: {
    title: 'signin:aadsts.50126.title',
    text: 'signin:aadsts.50126.text',
    action: 'sign-in-again',
  },
};

/** Grant expired or revoked: the refresh token is gone for good, an interactive sign-in must replace it. */
export const REFRESH_GONE = new Set([70008, 700081, 700082, 50173, 50133, 700084, 70043, 54005, 50078, 50089]);
/** Same guidance as another code. */
export const ALIASES: Record<number, number> = {
  90095: 90094,
  90008: 65001,
  // An invalid scope value, in the newer code Microsoft uses for the same fault.
  1002012: 70011,
  50158: 50076,
  50074: 50076,
  53000: 53003,
  53001: 53003,
  53002: 53003,
};
