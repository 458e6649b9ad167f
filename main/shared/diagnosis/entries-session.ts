/** Diagnoses for the IMAP session outside the login itself: success, greeting, protocol, interruptions. */
import type { ActionEntry, DiagnosisEntry } from './types';

const retryLater: ActionEntry = {
  id: 'retry-later',
  text: 'diagnosis:shared.actions.retry-later',
};

export const sessionEntries: DiagnosisEntry[] = [
  {
    code: 'OK',
    severity: 'success',
    title: 'diagnosis:OK.title',
    meaning: 'diagnosis:OK.meaning',
    causes: [],
    actions: [
      {
        id: 'take-over',
        text: 'diagnosis:OK.actions.take-over',
      },
    ],
    variants: [
      {
        when: { networkOnly: true },
        title: 'diagnosis:OK.networkOnly.title',
        meaning: 'diagnosis:OK.networkOnly.meaning',
        actions: [
          {
            id: 'continue',
            text: 'diagnosis:OK.networkOnly.actions.continue',
          },
        ],
      },
    ],
  },
  {
    code: 'NOT_IMAP',
    severity: 'error',
    title: 'diagnosis:NOT_IMAP.title',
    meaning: 'diagnosis:NOT_IMAP.meaning',
    causes: [
      {
        id: 'wrong-port',
        weight: 100,
        text: 'diagnosis:NOT_IMAP.causes.wrong-port',
      },
      {
        id: 'proxy-answers',
        weight: 40,
        text: 'diagnosis:NOT_IMAP.causes.proxy-answers',
      },
      {
        id: 'wrong-host',
        weight: 30,
        text: 'diagnosis:NOT_IMAP.causes.wrong-host',
      },
    ],
    actions: [
      {
        id: 'check-port',
        text: 'diagnosis:NOT_IMAP.actions.check-port',
      },
    ],
  },
  {
    code: 'GREETING_TIMEOUT',
    severity: 'error',
    title: 'diagnosis:GREETING_TIMEOUT.title',
    meaning: 'diagnosis:GREETING_TIMEOUT.meaning',
    causes: [
      {
        id: 'middlebox',
        weight: 60,
        text: 'diagnosis:GREETING_TIMEOUT.causes.middlebox',
      },
      {
        id: 'wrong-security-mode',
        weight: 50,
        text: 'diagnosis:GREETING_TIMEOUT.causes.wrong-security-mode',
      },
      { id: 'overloaded', weight: 40, text: 'diagnosis:GREETING_TIMEOUT.causes.overloaded' },
    ],
    actions: [retryLater, { id: 'check-security', text: 'diagnosis:GREETING_TIMEOUT.actions.check-security' }],
  },
  {
    code: 'SERVER_BYE',
    severity: 'error',
    title: 'diagnosis:SERVER_BYE.title',
    meaning: 'diagnosis:SERVER_BYE.meaning',
    causes: [
      {
        id: 'refuses-client',
        weight: 60,
        text: 'diagnosis:SERVER_BYE.causes.refuses-client',
      },
      {
        id: 'maintenance',
        weight: 40,
        text: 'diagnosis:SERVER_BYE.causes.maintenance',
      },
    ],
    actions: [retryLater],
  },
  {
    code: 'SERVER_UNAVAILABLE',
    severity: 'error',
    title: 'diagnosis:SERVER_UNAVAILABLE.title',
    meaning: 'diagnosis:SERVER_UNAVAILABLE.meaning',
    causes: [
      {
        id: 'outage',
        weight: 100,
        text: 'diagnosis:SERVER_UNAVAILABLE.causes.outage',
      },
      {
        id: 'mailbox-move',
        weight: 30,
        text: 'diagnosis:SERVER_UNAVAILABLE.causes.mailbox-move',
      },
    ],
    actions: [retryLater],
    variants: [
      {
        when: { products: ['exchange-online'] },
        actions: [
          retryLater,
          {
            id: 'service-health',
            text: 'diagnosis:SERVER_UNAVAILABLE.exchangeOnline.actions.service-health',
          },
        ],
      },
    ],
  },
  {
    code: 'CONNECTION_LOST',
    severity: 'error',
    title: 'diagnosis:CONNECTION_LOST.title',
    meaning: 'diagnosis:CONNECTION_LOST.meaning',
    causes: [
      {
        id: 'middlebox-cuts',
        weight: 60,
        text: 'diagnosis:CONNECTION_LOST.causes.middlebox-cuts',
      },
      {
        id: 'server-side',
        weight: 40,
        text: 'diagnosis:CONNECTION_LOST.causes.server-side',
      },
      {
        id: 'unstable-network',
        weight: 30,
        text: 'diagnosis:CONNECTION_LOST.causes.unstable-network',
      },
    ],
    actions: [retryLater],
    variants: [
      {
        // A server that hangs up on a plaintext client before greeting usually waits for a TLS handshake.
        when: { stages: ['greeting'], starttls: true },
        causes: [
          {
            id: 'wrong-security-mode',
            weight: 100,
            text: 'diagnosis:CONNECTION_LOST.starttlsGreeting.causes.wrong-security-mode',
          },
          {
            id: 'middlebox-cuts',
            weight: 40,
            text: 'diagnosis:CONNECTION_LOST.causes.middlebox-cuts',
          },
        ],
        actions: [
          {
            id: 'check-security',
            text: 'diagnosis:CONNECTION_LOST.starttlsGreeting.actions.check-security',
          },
        ],
      },
    ],
  },
  {
    code: 'TIMEOUT',
    severity: 'error',
    title: 'diagnosis:TIMEOUT.title',
    meaning: 'diagnosis:TIMEOUT.meaning',
    causes: [
      {
        id: 'slow-server',
        weight: 50,
        text: 'diagnosis:TIMEOUT.causes.slow-server',
      },
      {
        id: 'packet-loss',
        weight: 50,
        text: 'diagnosis:TIMEOUT.causes.packet-loss',
      },
      {
        id: 'middlebox',
        weight: 40,
        text: 'diagnosis:TIMEOUT.causes.middlebox',
      },
    ],
    actions: [
      retryLater,
      {
        id: 'longer-timeout',
        text: 'diagnosis:TIMEOUT.actions.longer-timeout',
      },
    ],
  },
  {
    code: 'CANCELLED',
    severity: 'info',
    title: 'diagnosis:CANCELLED.title',
    meaning: 'diagnosis:CANCELLED.meaning',
    causes: [],
    actions: [
      {
        id: 'restart',
        text: 'diagnosis:CANCELLED.actions.restart',
      },
    ],
  },
];
