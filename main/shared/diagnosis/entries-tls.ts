/** Diagnoses for the TLS stage: trust, names, validity, the handshake itself. */
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
  {
    code: 'TLS_UNTRUSTED',
    severity: 'error',
    title: 'diagnosis:TLS_UNTRUSTED.title',
    meaning: 'diagnosis:TLS_UNTRUSTED.meaning',
    causes: [
      inspectionCause(60),
      {
        id: 'self-signed',
        weight: 50,
        text: 'diagnosis:TLS_UNTRUSTED.causes.self-signed',
      },
      {
        id: 'missing-intermediate',
        weight: 25,
        text: 'diagnosis:TLS_UNTRUSTED.causes.missing-intermediate',
      },
    ],
    actions: [
      exemptAction,
      {
        id: 'trust-internal-ca',
        text: 'diagnosis:TLS_UNTRUSTED.actions.trust-internal-ca',
      },
    ],
    variants: [
      {
        when: { inspection: true },
        title: 'diagnosis:TLS_UNTRUSTED.inspection.title',
        meaning: 'diagnosis:TLS_UNTRUSTED.inspection.meaning',
        causes: [
          inspectionCause(100),
          {
            id: 'dns-redirect',
            weight: 20,
            text: 'diagnosis:TLS_UNTRUSTED.inspection.causes.dns-redirect',
          },
        ],
        actions: [
          exemptAction,
          {
            id: 'not-recommended-trust',
            text: 'diagnosis:TLS_UNTRUSTED.inspection.actions.not-recommended-trust',
          },
        ],
      },
    ],
  },
  {
    code: 'TLS_HOSTNAME_MISMATCH',
    severity: 'error',
    title: 'diagnosis:TLS_HOSTNAME_MISMATCH.title',
    meaning: 'diagnosis:TLS_HOSTNAME_MISMATCH.meaning',
    causes: [
      {
        id: 'wrong-name',
        weight: 100,
        text: 'diagnosis:TLS_HOSTNAME_MISMATCH.causes.wrong-name',
      },
      {
        id: 'server-cert-misconfigured',
        weight: 40,
        text: 'diagnosis:TLS_HOSTNAME_MISMATCH.causes.server-cert-misconfigured',
      },
      inspectionCause(20),
    ],
    actions: [
      {
        id: 'use-cert-name',
        text: 'diagnosis:TLS_HOSTNAME_MISMATCH.actions.use-cert-name',
      },
    ],
  },
  {
    code: 'TLS_EXPIRED',
    severity: 'error',
    title: 'diagnosis:TLS_EXPIRED.title',
    meaning: 'diagnosis:TLS_EXPIRED.meaning',
    causes: [
      {
        id: 'expired',
        weight: 100,
        text: 'diagnosis:TLS_EXPIRED.causes.expired',
      },
      {
        id: 'clock',
        weight: 40,
        text: 'diagnosis:TLS_EXPIRED.causes.clock',
      },
      inspectionCause(20),
    ],
    actions: [
      {
        id: 'renew',
        text: 'diagnosis:TLS_EXPIRED.actions.renew',
      },
      {
        id: 'check-clock',
        text: 'diagnosis:TLS_EXPIRED.actions.check-clock',
      },
    ],
  },
  {
    code: 'TLS_HANDSHAKE_FAILED',
    severity: 'error',
    title: 'diagnosis:TLS_HANDSHAKE_FAILED.title',
    meaning: 'diagnosis:TLS_HANDSHAKE_FAILED.meaning',
    causes: [
      {
        id: 'wrong-security-mode',
        weight: 100,
        text: 'diagnosis:TLS_HANDSHAKE_FAILED.causes.wrong-security-mode',
      },
      {
        id: 'old-tls',
        weight: 40,
        text: 'diagnosis:TLS_HANDSHAKE_FAILED.causes.old-tls',
      },
      {
        id: 'middlebox',
        weight: 30,
        text: 'diagnosis:TLS_HANDSHAKE_FAILED.causes.middlebox',
      },
    ],
    actions: [
      {
        id: 'check-security',
        text: 'diagnosis:TLS_HANDSHAKE_FAILED.actions.check-security',
      },
    ],
    variants: [
      {
        when: { starttls: true },
        causes: [
          {
            id: 'no-starttls',
            weight: 100,
            text: 'diagnosis:TLS_HANDSHAKE_FAILED.starttls.causes.no-starttls',
          },
          {
            id: 'wrong-security-mode',
            weight: 60,
            text: 'diagnosis:TLS_HANDSHAKE_FAILED.starttls.causes.wrong-security-mode',
          },
        ],
      },
    ],
  },
];
