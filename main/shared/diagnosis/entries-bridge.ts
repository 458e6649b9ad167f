/**
 * What a failed *Brücke testen* means and what fixes it, by the bridge's own test codes (BridgeTestCode). Plain
 * data naming catalogue keys, like the probe's entries; `{{detail}}` is the upstream's diagnosis code.
 * BRIDGE_TEST_FAILED has no entry: the probe's own diagnosis of `report.code` applies.
 */
import type { BridgeTestCode } from '../bridge/host-view';
import type { TextKey } from '../text/keys';
import type { ActionEntry, Severity } from './types';

export interface BridgeDiagnosisEntry {
  code: Exclude<BridgeTestCode, 'OK' | 'BRIDGE_TEST_FAILED'>;
  severity: Severity;
  title: TextKey;
  meaning: TextKey;
  actions: ActionEntry[];
}

export const BRIDGE_DIAGNOSES: Readonly<Record<BridgeDiagnosisEntry['code'], BridgeDiagnosisEntry>> = {
  BRIDGE_NOT_RUNNING: {
    code: 'BRIDGE_NOT_RUNNING',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_NOT_RUNNING.title',
    meaning: 'diagnosis:bridge.BRIDGE_NOT_RUNNING.meaning',
    actions: [{ id: 'start', text: 'diagnosis:bridge.BRIDGE_NOT_RUNNING.actions.start' }],
  },
  BRIDGE_PORT_TAKEN: {
    code: 'BRIDGE_PORT_TAKEN',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_PORT_TAKEN.title',
    meaning: 'diagnosis:bridge.BRIDGE_PORT_TAKEN.meaning',
    actions: [{ id: 'other-address', text: 'diagnosis:bridge.BRIDGE_PORT_TAKEN.actions.other-address' }],
  },
  BRIDGE_NO_PASSWORD: {
    code: 'BRIDGE_NO_PASSWORD',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_NO_PASSWORD.title',
    meaning: 'diagnosis:bridge.BRIDGE_NO_PASSWORD.meaning',
    actions: [{ id: 'generate', text: 'diagnosis:bridge.BRIDGE_NO_PASSWORD.actions.generate' }],
  },
  BRIDGE_PASSWORD_WRONG: {
    code: 'BRIDGE_PASSWORD_WRONG',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_PASSWORD_WRONG.title',
    meaning: 'diagnosis:bridge.BRIDGE_PASSWORD_WRONG.meaning',
    actions: [
      { id: 'update-agorum', text: 'diagnosis:bridge.BRIDGE_PASSWORD_WRONG.actions.update-agorum' },
      { id: 'regenerate', text: 'diagnosis:bridge.BRIDGE_PASSWORD_WRONG.actions.regenerate' },
    ],
  },
  BRIDGE_NEEDS_SIGN_IN: {
    code: 'BRIDGE_NEEDS_SIGN_IN',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_NEEDS_SIGN_IN.title',
    meaning: 'diagnosis:bridge.BRIDGE_NEEDS_SIGN_IN.meaning',
    actions: [{ id: 'sign-in', text: 'diagnosis:bridge.BRIDGE_NEEDS_SIGN_IN.actions.sign-in' }],
  },
  BRIDGE_TOKEN_UNAVAILABLE: {
    code: 'BRIDGE_TOKEN_UNAVAILABLE',
    severity: 'warning',
    title: 'diagnosis:bridge.BRIDGE_TOKEN_UNAVAILABLE.title',
    meaning: 'diagnosis:bridge.BRIDGE_TOKEN_UNAVAILABLE.meaning',
    actions: [{ id: 'network', text: 'diagnosis:bridge.BRIDGE_TOKEN_UNAVAILABLE.actions.network' }],
  },
  BRIDGE_UPSTREAM_REFUSED: {
    code: 'BRIDGE_UPSTREAM_REFUSED',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_UPSTREAM_REFUSED.title',
    meaning: 'diagnosis:bridge.BRIDGE_UPSTREAM_REFUSED.meaning',
    actions: [
      { id: 'imap-enabled', text: 'diagnosis:bridge.BRIDGE_UPSTREAM_REFUSED.actions.imap-enabled' },
      { id: 'policy', text: 'diagnosis:bridge.BRIDGE_UPSTREAM_REFUSED.actions.policy' },
    ],
  },
  BRIDGE_MAILBOX_NOT_CONNECTED: {
    code: 'BRIDGE_MAILBOX_NOT_CONNECTED',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_MAILBOX_NOT_CONNECTED.title',
    meaning: 'diagnosis:bridge.BRIDGE_MAILBOX_NOT_CONNECTED.meaning',
    actions: [{ id: 'same-account', text: 'diagnosis:bridge.BRIDGE_MAILBOX_NOT_CONNECTED.actions.same-account' }],
  },
  BRIDGE_UPSTREAM_THROTTLED: {
    code: 'BRIDGE_UPSTREAM_THROTTLED',
    severity: 'warning',
    title: 'diagnosis:bridge.BRIDGE_UPSTREAM_THROTTLED.title',
    meaning: 'diagnosis:bridge.BRIDGE_UPSTREAM_THROTTLED.meaning',
    actions: [{ id: 'wait', text: 'diagnosis:bridge.BRIDGE_UPSTREAM_THROTTLED.actions.wait' }],
  },
  BRIDGE_UPSTREAM_UNAVAILABLE: {
    code: 'BRIDGE_UPSTREAM_UNAVAILABLE',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_UPSTREAM_UNAVAILABLE.title',
    meaning: 'diagnosis:bridge.BRIDGE_UPSTREAM_UNAVAILABLE.meaning',
    actions: [{ id: 'network-check', text: 'diagnosis:bridge.BRIDGE_UPSTREAM_UNAVAILABLE.actions.network-check' }],
  },
  BRIDGE_SESSION_LIMIT: {
    code: 'BRIDGE_SESSION_LIMIT',
    severity: 'error',
    title: 'diagnosis:bridge.BRIDGE_SESSION_LIMIT.title',
    meaning: 'diagnosis:bridge.BRIDGE_SESSION_LIMIT.meaning',
    actions: [{ id: 'fewer-clients', text: 'diagnosis:bridge.BRIDGE_SESSION_LIMIT.actions.fewer-clients' }],
  },
  BRIDGE_TEST_CANCELLED: {
    code: 'BRIDGE_TEST_CANCELLED',
    severity: 'info',
    title: 'diagnosis:bridge.BRIDGE_TEST_CANCELLED.title',
    meaning: 'diagnosis:bridge.BRIDGE_TEST_CANCELLED.meaning',
    actions: [{ id: 'again', text: 'diagnosis:bridge.BRIDGE_TEST_CANCELLED.actions.again' }],
  },
};
