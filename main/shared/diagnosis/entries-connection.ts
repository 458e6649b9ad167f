/** Diagnoses for the stages before any encryption: input, name resolution, TCP. */
import type { ActionEntry, DiagnosisEntry } from './types';

/** Shared with the other connection-level entries (entries-reset.ts). */
export const checkFromServer: ActionEntry = {
  id: 'test-from-agorum-host',
  text: 'diagnosis:shared.actions.test-from-agorum-host',
};

export const connectionEntries: DiagnosisEntry[] = [
  {
    code: 'INPUT_INVALID',
    severity: 'warning',
    title: 'diagnosis:INPUT_INVALID.title',
    meaning: 'diagnosis:INPUT_INVALID.meaning',
    causes: [
      {
        id: 'typo',
        weight: 80,
        text: 'diagnosis:INPUT_INVALID.causes.typo',
      },
      {
        id: 'pasted-extra',
        weight: 50,
        text: 'diagnosis:INPUT_INVALID.causes.pasted-extra',
      },
    ],
    actions: [
      {
        id: 'fix-fields',
        text: 'diagnosis:INPUT_INVALID.actions.fix-fields',
      },
    ],
  },
  {
    code: 'DNS_NOT_FOUND',
    severity: 'error',
    title: 'diagnosis:DNS_NOT_FOUND.title',
    meaning: 'diagnosis:DNS_NOT_FOUND.meaning',
    causes: [
      {
        id: 'typo',
        weight: 100,
        text: 'diagnosis:DNS_NOT_FOUND.causes.typo',
      },
      {
        id: 'mail-domain-instead-of-server',
        weight: 60,
        text: 'diagnosis:DNS_NOT_FOUND.causes.mail-domain-instead-of-server',
      },
      {
        id: 'internal-dns',
        weight: 30,
        text: 'diagnosis:DNS_NOT_FOUND.causes.internal-dns',
      },
    ],
    actions: [
      {
        id: 'check-spelling',
        text: 'diagnosis:DNS_NOT_FOUND.actions.check-spelling',
      },
      {
        id: 'use-office365',
        text: 'diagnosis:DNS_NOT_FOUND.actions.use-office365',
      },
      {
        id: 'nslookup',
        text: 'diagnosis:DNS_NOT_FOUND.actions.nslookup',
      },
    ],
  },
  {
    code: 'DNS_FAILED',
    severity: 'error',
    title: 'diagnosis:DNS_FAILED.title',
    meaning: 'diagnosis:DNS_FAILED.meaning',
    causes: [
      {
        id: 'dns-unreachable',
        weight: 80,
        text: 'diagnosis:DNS_FAILED.causes.dns-unreachable',
      },
      {
        id: 'dns-error',
        weight: 50,
        text: 'diagnosis:DNS_FAILED.causes.dns-error',
      },
      {
        id: 'dns-blocked',
        weight: 30,
        text: 'diagnosis:DNS_FAILED.causes.dns-blocked',
      },
    ],
    actions: [
      {
        id: 'retry',
        text: 'diagnosis:DNS_FAILED.actions.retry',
      },
      {
        id: 'ask-network',
        text: 'diagnosis:DNS_FAILED.actions.ask-network',
      },
    ],
  },
  {
    code: 'TCP_REFUSED',
    severity: 'error',
    title: 'diagnosis:TCP_REFUSED.title',
    meaning: 'diagnosis:TCP_REFUSED.meaning',
    causes: [
      {
        id: 'wrong-port',
        weight: 80,
        text: 'diagnosis:TCP_REFUSED.causes.wrong-port',
      },
      {
        id: 'firewall-reject',
        weight: 60,
        text: 'diagnosis:TCP_REFUSED.causes.firewall-reject',
      },
      {
        id: 'service-down',
        weight: 30,
        text: 'diagnosis:TCP_REFUSED.causes.service-down',
      },
    ],
    actions: [
      {
        id: 'check-port',
        text: 'diagnosis:TCP_REFUSED.actions.check-port',
      },
      {
        id: 'open-firewall',
        text: 'diagnosis:TCP_REFUSED.actions.open-firewall',
      },
      checkFromServer,
    ],
    variants: [
      {
        when: { products: ['exchange-online'] },
        causes: [
          {
            id: 'firewall-reject',
            weight: 100,
            text: 'diagnosis:TCP_REFUSED.exchangeOnline.causes.firewall-reject',
          },
          {
            id: 'wrong-port',
            weight: 60,
            text: 'diagnosis:TCP_REFUSED.exchangeOnline.causes.wrong-port',
          },
        ],
      },
    ],
  },
  {
    code: 'TCP_TIMEOUT',
    severity: 'error',
    title: 'diagnosis:TCP_TIMEOUT.title',
    meaning: 'diagnosis:TCP_TIMEOUT.meaning',
    causes: [
      {
        id: 'firewall-drop',
        weight: 100,
        text: 'diagnosis:TCP_TIMEOUT.causes.firewall-drop',
      },
      {
        id: 'proxy-only',
        weight: 50,
        text: 'diagnosis:TCP_TIMEOUT.causes.proxy-only',
      },
      {
        id: 'host-down',
        weight: 25,
        text: 'diagnosis:TCP_TIMEOUT.causes.host-down',
      },
    ],
    actions: [
      {
        id: 'open-firewall',
        text: 'diagnosis:TCP_TIMEOUT.actions.open-firewall',
      },
      checkFromServer,
    ],
  },
  {
    code: 'TCP_UNREACHABLE',
    severity: 'error',
    title: 'diagnosis:TCP_UNREACHABLE.title',
    meaning: 'diagnosis:TCP_UNREACHABLE.meaning',
    causes: [
      {
        id: 'no-route',
        weight: 80,
        text: 'diagnosis:TCP_UNREACHABLE.causes.no-route',
      },
      {
        id: 'ipv6-only-route',
        weight: 40,
        text: 'diagnosis:TCP_UNREACHABLE.causes.ipv6-only-route',
      },
      {
        id: 'local-firewall',
        weight: 30,
        text: 'diagnosis:TCP_UNREACHABLE.causes.local-firewall',
      },
    ],
    actions: [
      {
        id: 'check-network',
        text: 'diagnosis:TCP_UNREACHABLE.actions.check-network',
      },
      checkFromServer,
    ],
  },
];
