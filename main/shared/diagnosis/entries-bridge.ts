/**
 * What a failed *Brücke testen* means and what fixes it, by the bridge's own test codes (BridgeTestCode). Plain
 * data naming catalogue keys, like the probe's entries; `{{detail}}` is the upstream's diagnosis code.
 * BRIDGE_TEST_FAILED has no entry: the probe's own diagnosis of `report.code` applies.
 */
import type { BridgeTestCode } from '../bridge/host-view';
import type { TextKey } from '../text/keys';
import { type ActionId, actionsUnder, titleAndMeaning } from './entry';
import type { ActionEntry, Severity } from './types';

export interface BridgeDiagnosisEntry {
  code: Exclude<BridgeTestCode, 'OK' | 'BRIDGE_TEST_FAILED'>;
  severity: Severity;
  title: TextKey;
  meaning: TextKey;
  actions: ActionEntry[];
}

type BridgeCode = BridgeDiagnosisEntry['code'];

/** Each code's severity and action ids; the texts are under `diagnosis:bridge.<CODE>.`. */
const SPECS: { [C in BridgeCode]: [Severity, ...Array<ActionId<`bridge.${C}`>>] } = {
  BRIDGE_NOT_RUNNING: ['error', 'start'],
  BRIDGE_PORT_TAKEN: ['error', 'other-address'],
  BRIDGE_NO_PASSWORD: ['error', 'generate'],
  BRIDGE_PASSWORD_WRONG: ['error', 'update-agorum', 'regenerate'],
  BRIDGE_NEEDS_SIGN_IN: ['error', 'sign-in'],
  BRIDGE_TOKEN_UNAVAILABLE: ['warning', 'network'],
  BRIDGE_UPSTREAM_REFUSED: ['error', 'imap-enabled', 'policy'],
  BRIDGE_MAILBOX_NOT_CONNECTED: ['error', 'same-account'],
  BRIDGE_UPSTREAM_THROTTLED: ['warning', 'wait'],
  BRIDGE_UPSTREAM_UNAVAILABLE: ['error', 'network-check'],
  BRIDGE_SESSION_LIMIT: ['error', 'fewer-clients'],
  BRIDGE_TEST_CANCELLED: ['info', 'again'],
};

export const BRIDGE_DIAGNOSES = Object.fromEntries(
  Object.entries(SPECS).map(([code, [severity, ...actions]]) => {
    const prefix = `bridge.${code}`;
    const entry = { code, severity, ...titleAndMeaning(prefix), actions: actionsUnder(prefix, actions) };
    return [code, entry];
  }),
) as Readonly<Record<BridgeCode, BridgeDiagnosisEntry>>;
