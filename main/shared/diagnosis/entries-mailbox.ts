/** Diagnoses for the step after login: selecting the mailbox the adapter reads. */
import { tokenActions, tokenCauses } from './causes-token';
import { entry } from './entry';
import type { DiagnosisEntry } from './types';

export const mailboxEntries: DiagnosisEntry[] = [
  entry('MAILBOX_NOT_CONNECTED', 'error', {
    causes: [
      ['user-not-mailbox', 100],
      ['missing-mailbox-permission', 70],
      ['no-mailbox-or-licence', 40],
    ],
    actions: ['check-mailbox-permission'],
  }),
  entry('MAILBOX_FAILED', 'error', {
    causes: [
      ['mailbox-not-ready', 60],
      ['server-error', 40],
    ],
    actions: [{ id: 'retry-later', text: 'diagnosis:shared.actions.retry-later' }],
    variants: [{ when: { credential: ['xoauth2'] }, causes: tokenCauses, actions: tokenActions }],
  }),
];
