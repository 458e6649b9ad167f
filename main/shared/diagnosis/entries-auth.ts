/**
 * Diagnoses for login. The Exchange Online variants tell the truth about today: IMAP with a
 * password (an app password included) is switched off there for good, so that cause leads as a permanent one with
 * the single action that helps, and the "security defaults not yet in effect" hint is weighted by how long ago the
 * admin confirmed that step.
 */
import { imapDisabled, tokenActions, tokenCauses } from './causes-token';
import { entry } from './entry';
import type { DiagnosisEntry } from './types';

export const authEntries: DiagnosisEntry[] = [
  entry('AUTH_MECHANISM_UNSUPPORTED', 'error', {
    causes: [
      ['oauth-only', 100],
      ['login-disabled', 40],
    ],
    actions: ['use-oauth'],
    variants: [
      {
        name: 'xoauth2',
        when: { credential: ['xoauth2'] },
        causes: [['no-xoauth2', 100]],
        actions: ['check-host'],
      },
    ],
  }),
  entry('AUTH_FAILED', 'error', {
    causes: [
      ['wrong-password', 100],
      ['wrong-user-format', 60],
      ['account-locked', 40],
      ['imap-not-allowed', 30],
    ],
    actions: ['check-credentials', 'respect-lockout'],
    variants: [
      {
        name: 'xoauth2',
        when: { credential: ['xoauth2'] },
        texts: ['meaning'],
        causes: tokenCauses,
        actions: tokenActions,
      },
      {
        name: 'exchangeOnlinePassword',
        when: { products: ['exchange-online'], credential: ['password'] },
        texts: ['title', 'meaning'],
        causes: [
          ['basic-auth-off', 100, { permanent: true }],
          ['app-password-typo', 60],
          ['security-defaults-pending', 35, { weighting: 'securityDefaultsAge' }],
          imapDisabled(30),
          ['no-mailbox-or-licence', 20],
        ],
        actions: ['switch-to-oauth'],
      },
    ],
  }),
  entry('AUTH_THROTTLED', 'warning', {
    causes: [
      ['too-many-attempts', 100],
      ['too-many-connections', 40],
    ],
    actions: ['wait', 'stop-other-clients'],
  }),
];
