/** Diagnoses for the TLS stage: trust, names, validity, the handshake itself. */
import { entry } from './entry';
import type { ActionEntry, CauseEntry, DiagnosisEntry } from './types';

const inspectionCause = (weight: number): CauseEntry => ({
  id: 'tls-inspection',
  weight,
  text: 'diagnosis:shared.causes.tls-inspection',
});

const exemptAction: ActionEntry = {
  id: 'exempt-from-inspection',
  text: 'diagnosis:TLS_UNTRUSTED.actions.exempt-from-inspection',
};

export const tlsEntries: DiagnosisEntry[] = [
  entry('TLS_UNTRUSTED', 'error', {
    causes: [inspectionCause(60), ['self-signed', 50], ['missing-intermediate', 25]],
    actions: [exemptAction, 'trust-internal-ca'],
    variants: [
      {
        name: 'inspection',
        when: { inspection: true },
        texts: ['title', 'meaning'],
        causes: [inspectionCause(100), ['dns-redirect', 20]],
        actions: [exemptAction, 'not-recommended-trust'],
      },
    ],
  }),
  entry('TLS_HOSTNAME_MISMATCH', 'error', {
    causes: [['wrong-name', 100], ['server-cert-misconfigured', 40], inspectionCause(20)],
    actions: ['use-cert-name'],
  }),
  entry('TLS_EXPIRED', 'error', {
    causes: [['expired', 100], ['clock', 40], inspectionCause(20)],
    actions: ['renew', 'check-clock'],
  }),
  entry('TLS_HANDSHAKE_FAILED', 'error', {
    causes: [
      ['wrong-security-mode', 100],
      ['old-tls', 40],
      ['middlebox', 30],
    ],
    actions: ['check-security'],
    variants: [
      {
        name: 'starttls',
        when: { starttls: true },
        causes: [
          ['no-starttls', 100],
          ['wrong-security-mode', 60],
        ],
      },
    ],
  }),
];
