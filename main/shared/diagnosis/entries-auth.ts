/**
 * Diagnoses for login and mailbox access. The Exchange Online variants tell the truth about today: IMAP with a
 * password (an app password included) is switched off there for good, so that cause leads as a permanent one with
 * the single action that helps, and the "security defaults not yet in effect" hint is weighted by how long ago the
 * admin confirmed that step.
 */
import type { ActionEntry, CauseEntry, DiagnosisEntry } from './types';

const imapDisabled = (weight: number): CauseEntry => ({
  id: 'imap-disabled-for-mailbox',
  weight,
  text: 'diagnosis:shared.causes.imap-disabled-for-mailbox',
});

const enableImap: ActionEntry = {
  id: 'enable-imap',
  text: 'diagnosis:shared.actions.enable-imap',
};

const lockoutCare: ActionEntry = {
  id: 'respect-lockout',
  text: 'diagnosis:AUTH_FAILED.actions.respect-lockout',
};

/** Causes when a bearer token (XOAUTH2) is refused; the same on login and on the first mailbox command. */
const tokenCauses: CauseEntry[] = [
  {
    id: 'token-wrong-audience',
    weight: 100,
    text: 'diagnosis:shared.causes.token-wrong-audience',
  },
  {
    id: 'consent-missing',
    weight: 70,
    text: 'diagnosis:shared.causes.consent-missing',
  },
  imapDisabled(50),
  {
    id: 'user-not-mailbox',
    weight: 40,
    text: 'diagnosis:shared.causes.user-not-mailbox',
  },
  {
    id: 'token-expired',
    weight: 25,
    text: 'diagnosis:shared.causes.token-expired',
  },
];

const tokenActions: ActionEntry[] = [
  {
    id: 'check-app-registration',
    text: 'diagnosis:shared.actions.check-app-registration',
  },
  enableImap,
];

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
  {
    code: 'MAILBOX_NOT_CONNECTED',
    severity: 'error',
    title: 'diagnosis:MAILBOX_NOT_CONNECTED.title',
    meaning: 'diagnosis:MAILBOX_NOT_CONNECTED.meaning',
    causes: [
      {
        id: 'user-not-mailbox',
        weight: 100,
        text: 'diagnosis:MAILBOX_NOT_CONNECTED.causes.user-not-mailbox',
      },
      {
        id: 'missing-mailbox-permission',
        weight: 70,
        text: 'diagnosis:MAILBOX_NOT_CONNECTED.causes.missing-mailbox-permission',
      },
      {
        id: 'no-mailbox-or-licence',
        weight: 40,
        text: 'diagnosis:MAILBOX_NOT_CONNECTED.causes.no-mailbox-or-licence',
      },
    ],
    actions: [
      {
        id: 'check-mailbox-permission',
        text: 'diagnosis:MAILBOX_NOT_CONNECTED.actions.check-mailbox-permission',
      },
    ],
  },
  {
    code: 'MAILBOX_FAILED',
    severity: 'error',
    title: 'diagnosis:MAILBOX_FAILED.title',
    meaning: 'diagnosis:MAILBOX_FAILED.meaning',
    causes: [
      {
        id: 'mailbox-not-ready',
        weight: 60,
        text: 'diagnosis:MAILBOX_FAILED.causes.mailbox-not-ready',
      },
      { id: 'server-error', weight: 40, text: 'diagnosis:MAILBOX_FAILED.causes.server-error' },
    ],
    actions: [{ id: 'retry-later', text: 'diagnosis:shared.actions.retry-later' }],
    variants: [{ when: { credential: ['xoauth2'] }, causes: tokenCauses, actions: tokenActions }],
  },
];
