import type { BridgeView } from '@shared/bridge/host-view';
import type { ProbeReport } from '@shared/probe/report';
import { bridgeStepFacts, bridgeStepStatus } from '@shared/wizard/bridge-step-status';
import { describe, expect, it } from 'vitest';

const AT = '2026-12-01T10:00:00.000Z';

/** The parts of a bridge view the step list reads; the rest is irrelevant here. */
const bridge = (over: Partial<BridgeView> = {}, settings: Partial<BridgeView['settings']> = {}): BridgeView =>
  ({
    state: 'running',
    settings: { passwordSet: false, passwordSetAt: null, ...settings },
    test: { runningId: null, last: null },
    lastLogin: null,
    ...over,
  }) as unknown as BridgeView;

const report = { checkedAt: AT } as ProbeReport;

describe('the bridge steps follow what the bridge holds', () => {
  it('without a bridge every bridge step is open', () => {
    for (const id of ['bridgePlace', 'bridgeSetup', 'bridgeTest'] as const) {
      expect(bridgeStepStatus(id, bridgeStepFacts(null), undefined)).toEqual({ status: 'open' });
    }
  });

  it('a saved place proves the first step, a local password the setup', () => {
    const facts = bridgeStepFacts(bridge());
    expect(bridgeStepStatus('bridgePlace', facts, undefined)).toEqual({ status: 'done', at: null });
    expect(bridgeStepStatus('bridgeSetup', facts, undefined)).toEqual({ status: 'open' });
    const withPassword = bridgeStepFacts(bridge({}, { passwordSet: true, passwordSetAt: AT }));
    expect(bridgeStepStatus('bridgeSetup', withPassword, undefined)).toEqual({ status: 'done', at: AT });
  });

  it('the test step: a pass, a failure, a cancel, agorum core’s own login, and a bridge that cannot serve', () => {
    const passed = bridge({ test: { runningId: null, last: { code: 'OK', report, upstream: null } } });
    expect(bridgeStepStatus('bridgeTest', bridgeStepFacts(passed), undefined)).toEqual({ status: 'done', at: AT });
    const failed = bridge({
      test: { runningId: null, last: { code: 'BRIDGE_PASSWORD_WRONG', report, upstream: null } },
    });
    expect(bridgeStepStatus('bridgeTest', bridgeStepFacts(failed), undefined)).toEqual({ status: 'attention', at: AT });
    const cancelled = bridge({
      test: { runningId: null, last: { code: 'BRIDGE_TEST_CANCELLED', report, upstream: null } },
    });
    expect(bridgeStepStatus('bridgeTest', bridgeStepFacts(cancelled), undefined)).toEqual({ status: 'open' });
    const agorum = bridge({ lastLogin: { at: AT, code: 'OK', message: 'ok' } });
    expect(bridgeStepStatus('bridgeTest', bridgeStepFacts(agorum), undefined)).toEqual({ status: 'done', at: AT });
    const dead = bridge({ state: 'needs-sign-in', test: passed.test });
    expect(bridgeStepStatus('bridgeTest', bridgeStepFacts(dead), undefined)).toEqual({ status: 'attention', at: null });
  });
});
