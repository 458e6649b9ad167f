/**
 * Diagnoses for login. The Exchange Online variants tell the truth about today: IMAP with a
 * password (an app password included) is switched off there for good, so that cause leads as a permanent one with
 * the single action that helps, and the "security defaults not yet in effect" hint is weighted by how long ago the
 * admin confirmed that step.
 */
import { imapDisabled, tokenActions, tokenCauses } from './causes-token';
import type { ActionEntry, DiagnosisEntry } from './types';

const lockoutCare: ActionEntry = {
  id: 'respect-lockout',
  text: 'diagnosis:AUTH_FAILED.actions.respect-lockout',
};

export const authEntries: DiagnosisEntry[] = [
  {
    code: 'AUTH_MECHANISM_UNSUPPORTED',
    severity: 'error',
    title: 'diagnosis:AUTH_MECHANISM_UNSUPPORTED.title',
    meaning: 'diagnosis:AUTH_MECHANISM_UNSUPPORTED.meaning',
    causes: [
      {
        id: 'oauth-only',
        weight: 100,
        text: 'diagnosis:AUTH_MECHANISM_UNSUPPORTED.causes.oauth-only',
      },
      {
        id: 'login-disabled',
        weight: 40,
        text: 'diagnosis:AUTH_MECHANISM_UNSUPPORTED.causes.login-disabled',
      },
    ],
    actions: [
      {
        id: 'use-oauth',
        text: 'diagnosis:AUTH_MECHANISM_UNSUPPORTED.actions.use-oauth',
      },
    ],
    variants: [
      {
        when: { credential: ['xoauth2'] },
        causes: [
          {
            id: 'no-xoauth2',
            weight: 100,
            text: 'diagnosis:AUTH_MECHANISM_UNSUPPORTED.xoauth2.causes.no-xoauth2',
          },
        ],
        actions: [{ id: 'check-host', text: 'diagnosis:AUTH_MECHANISM_UNSUPPORTED.xoauth2.actions.check-host' }],
      },
    ],
  },
  {
    code: 'AUTH_FAILED',
    severity: 'error',
    title: 'diagnosis:AUTH_FAILED.title',
    meaning: 'diagnosis:AUTH_FAILED.meaning',
    causes: [
      { id: 'wrong-password', weight: 100, text: 'diagnosis:AUTH_FAILED.causes.wrong-password' },
      {
        id: 'wrong-user-format',
        weight: 60,
        text: 'diagnosis:AUTH_FAILED.causes.wrong-user-format',
      },
      {
        id: 'account-locked',
        weight: 40,
        text: 'diagnosis:AUTH_FAILED.causes.account-locked',
      },
      {
        id: 'imap-not-allowed',
        weight: 30,
        text: 'diagnosis:AUTH_FAILED.causes.imap-not-allowed',
      },
    ],
    actions: [
      {
        id: 'check-credentials',
        text: 'diagnosis:AUTH_FAILED.actions.check-credentials',
      },
      lockoutCare,
    ],
    variants: [
      {
        when: { credential: ['xoauth2'] },
        meaning: 'diagnosis:AUTH_FAILED.xoauth2.meaning',
        causes: tokenCauses,
        actions: tokenActions,
      },
      {
        when: { products: ['exchange-online'], credential: ['password'] },
        title: 'diagnosis:AUTH_FAILED.exchangeOnlinePassword.title',
        meaning: 'diagnosis:AUTH_FAILED.exchangeOnlinePassword.meaning',
        causes: [
          {
            id: 'basic-auth-off',
            weight: 100,
            permanent: true,
            text: 'diagnosis:AUTH_FAILED.exchangeOnlinePassword.causes.basic-auth-off',
          },
          {
            id: 'app-password-typo',
            weight: 60,
            text: 'diagnosis:AUTH_FAILED.exchangeOnlinePassword.causes.app-password-typo',
          },
          {
            id: 'security-defaults-pending',
            weight: 35,
            weighting: 'securityDefaultsAge',
            text: 'diagnosis:AUTH_FAILED.exchangeOnlinePassword.causes.security-defaults-pending',
          },
          imapDisabled(30),
          {
            id: 'no-mailbox-or-licence',
            weight: 20,
            text: 'diagnosis:AUTH_FAILED.exchangeOnlinePassword.causes.no-mailbox-or-licence',
          },
        ],
        actions: [
          {
            id: 'switch-to-oauth',
            text: 'diagnosis:AUTH_FAILED.exchangeOnlinePassword.actions.switch-to-oauth',
          },
        ],
      },
    ],
  },
  {
    code: 'AUTH_THROTTLED',
    severity: 'warning',
    title: 'diagnosis:AUTH_THROTTLED.title',
    meaning: 'diagnosis:AUTH_THROTTLED.meaning',
    causes: [
      {
        id: 'too-many-attempts',
        weight: 100,
        text: 'diagnosis:AUTH_THROTTLED.causes.too-many-attempts',
      },
      {
        id: 'too-many-connections',
        weight: 40,
        text: 'diagnosis:AUTH_THROTTLED.causes.too-many-connections',
      },
    ],
    actions: [
      {
        id: 'wait',
        text: 'diagnosis:AUTH_THROTTLED.actions.wait',
      },
      {
        id: 'stop-other-clients',
        text: 'diagnosis:AUTH_THROTTLED.actions.stop-other-clients',
      },
    ],
  },
];
