/** Diagnoses for the stages before any encryption: input, name resolution, TCP. */
import { entry } from './entry';
import type { ActionEntry, DiagnosisEntry } from './types';

/** Shared with the other connection-level entries (entries-reset.ts). */
export const checkFromServer: ActionEntry = {
  id: 'test-from-agorum-host',
  text: 'diagnosis:shared.actions.test-from-agorum-host',
};

export const connectionEntries: DiagnosisEntry[] = [
  entry('INPUT_INVALID', 'warning', {
    causes: [
      ['typo', 80],
      ['pasted-extra', 50],
    ],
    actions: ['fix-fields'],
  }),
  entry('DNS_NOT_FOUND', 'error', {
    causes: [
      ['typo', 100],
      ['mail-domain-instead-of-server', 60],
      ['internal-dns', 30],
    ],
    actions: ['check-spelling', 'use-office365', 'nslookup'],
  }),
  entry('DNS_FAILED', 'error', {
    causes: [
      ['dns-unreachable', 80],
      ['dns-error', 50],
      ['dns-blocked', 30],
    ],
    actions: ['retry', 'ask-network'],
  }),
  entry('TCP_REFUSED', 'error', {
    causes: [
      ['wrong-port', 80],
      ['firewall-reject', 60],
      ['service-down', 30],
    ],
    actions: ['check-port', 'open-firewall', checkFromServer],
    variants: [
      {
        name: 'exchangeOnline',
        when: { products: ['exchange-online'] },
        causes: [
          ['firewall-reject', 100],
          ['wrong-port', 60],
        ],
      },
    ],
  }),
  entry('TCP_TIMEOUT', 'error', {
    causes: [
      ['firewall-drop', 100],
      ['proxy-only', 50],
      ['host-down', 25],
    ],
    actions: ['open-firewall', checkFromServer],
  }),
  entry('TCP_UNREACHABLE', 'error', {
    causes: [
      ['no-route', 80],
      ['ipv6-only-route', 40],
      ['local-firewall', 30],
    ],
    actions: ['check-network', checkFromServer],
  }),
];
