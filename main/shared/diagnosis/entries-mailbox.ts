/** Diagnoses for the step after login: selecting the mailbox the adapter reads. */
import { tokenActions, tokenCauses } from './causes-token';
import type { DiagnosisEntry } from './types';

export const mailboxEntries: DiagnosisEntry[] = [
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
