/**
 * The bridge steps are proven by what the bridge holds rather than by a click: a saved setup, a local password,
 * a passing *Brücke testen* or a successful login by agorum core itself. Only the values step is the admin's word
 * (they typed them into agorum core's form).
 */
import type { BridgeView } from '../bridge/host-view';
import type { StepProgress } from '../profile/progress';
import type { StepStatusView } from './step-status';

/** What the step list needs to know about a connection's bridge (derived from its view). */
export interface BridgeStepFacts {
  configured: boolean;
  passwordSet: boolean;
  passwordSetAt: string | null;
  /** The last bridge test of this session: passed or failed (a cancelled one says nothing). */
  test: { ok: boolean; at: string } | null;
  /** agorum core (or any client) logged in through the bridge and reached the mailbox. */
  loggedInAt: string | null;
  /** It should serve agorum core but cannot now (needs a sign-in, could not start, upstream failing). */
  failing: boolean;
}

const FAILING = new Set<BridgeView['state']>(['needs-sign-in', 'start-failed', 'upstream-failing']);

export function bridgeStepFacts(bridge: BridgeView | null): BridgeStepFacts | null {
  if (!bridge) return null;
  const last = bridge.test.last;
  return {
    configured: true,
    passwordSet: bridge.settings.passwordSet,
    passwordSetAt: bridge.settings.passwordSetAt,
    test: last && last.code !== 'BRIDGE_TEST_CANCELLED' ? { ok: last.code === 'OK', at: last.report.checkedAt } : null,
    loggedInAt: bridge.lastLogin?.code === 'OK' ? bridge.lastLogin.at : null,
    failing: FAILING.has(bridge.state),
  };
}

const OPEN: StepStatusView = { status: 'open' };

export function bridgeStepStatus(
  id: 'bridgePlace' | 'bridgeSetup' | 'bridgeTest',
  bridge: BridgeStepFacts | null | undefined,
  confirmed: StepProgress | undefined,
): StepStatusView {
  if (!bridge) return OPEN;
  switch (id) {
    case 'bridgePlace':
      return { status: 'done', at: null };
    case 'bridgeSetup':
      return bridge.passwordSet ? { status: 'done', at: bridge.passwordSetAt } : OPEN;
    case 'bridgeTest': {
      // A bridge that cannot serve agorum core now outweighs any earlier proof.
      if (bridge.failing) return { status: 'attention', at: null };
      if (bridge.test) return { status: bridge.test.ok ? 'done' : 'attention', at: bridge.test.at };
      if (bridge.loggedInAt) return { status: 'done', at: bridge.loggedInAt };
      // After a restart the last test is gone; the admin's (or an earlier test's) confirmation stands.
      return confirmed && confirmed.status !== 'open' ? { status: confirmed.status, at: confirmed.confirmedAt } : OPEN;
    }
  }
}
