/** Diagnoses for the IMAP session outside the login itself: success, greeting, protocol, interruptions. */
import { entry } from './entry';
import type { ActionEntry, DiagnosisEntry } from './types';

const retryLater: ActionEntry = {
  id: 'retry-later',
  text: 'diagnosis:shared.actions.retry-later',
};

export const sessionEntries: DiagnosisEntry[] = [
  entry('OK', 'success', {
    causes: [],
    actions: ['take-over'],
    variants: [
      { name: 'networkOnly', when: { networkOnly: true }, texts: ['title', 'meaning'], actions: ['continue'] },
    ],
  }),
  entry('NOT_IMAP', 'error', {
    causes: [
      ['wrong-port', 100],
      ['proxy-answers', 40],
      ['wrong-host', 30],
    ],
    actions: ['check-port'],
  }),
  entry('GREETING_TIMEOUT', 'error', {
    causes: [
      ['middlebox', 60],
      ['wrong-security-mode', 50],
      ['overloaded', 40],
    ],
    actions: [retryLater, 'check-security'],
  }),
  entry('SERVER_BYE', 'error', {
    causes: [
      ['refuses-client', 60],
      ['maintenance', 40],
    ],
    actions: [retryLater],
  }),
  entry('SERVER_UNAVAILABLE', 'error', {
    causes: [
      ['outage', 100],
      ['mailbox-move', 30],
    ],
    actions: [retryLater],
    variants: [
      { name: 'exchangeOnline', when: { products: ['exchange-online'] }, actions: [retryLater, 'service-health'] },
    ],
  }),
  entry('CONNECTION_LOST', 'error', {
    causes: [
      ['middlebox-cuts', 60],
      ['server-side', 40],
      ['unstable-network', 30],
    ],
    actions: [retryLater],
    variants: [
      {
        // A server that hangs up on a plaintext client before greeting usually waits for a TLS handshake.
        name: 'starttlsGreeting',
        when: { stages: ['greeting'], starttls: true },
        causes: [
          ['wrong-security-mode', 100],
          { id: 'middlebox-cuts', weight: 40, text: 'diagnosis:CONNECTION_LOST.causes.middlebox-cuts' },
        ],
        actions: ['check-security'],
      },
    ],
  }),
  entry('TIMEOUT', 'error', {
    causes: [
      ['slow-server', 50],
      ['packet-loss', 50],
      ['middlebox', 40],
    ],
    actions: [retryLater, 'longer-timeout'],
  }),
  entry('CANCELLED', 'info', { causes: [], actions: ['restart'] }),
];
