/** The bridge host's plain rules: window close, login item, run state, header summary, test verdicts. */
import { type BridgeRuntimeFacts, bridgesView, runState } from '@core/bridge-host/bridge-view';
import { afterCloseAnswer, loginItemSettings, onWindowClose, startHidden } from '@core/bridge-host/desktop-rules';
import { bridgeTestVerdict } from '@core/bridge-host/test-verdict';
import { DEFAULT_DESKTOP_BEHAVIOUR, defaultBridge, storedBridgeSchema } from '@shared/bridge/host-settings';
import { BRIDGE_TEST_CODES } from '@shared/bridge/host-view';
import type { BridgeStatus } from '@shared/bridge/status';
import { BRIDGE_DIAGNOSES } from '@shared/diagnosis/entries-bridge';
import type { ProbeReport } from '@shared/probe/report';
import { translator } from '@shared/text/translator';
import { describe, expect, it } from 'vitest';

const now = new Date('2026-11-20T10:00:00Z');
const status = (
  account: Partial<BridgeStatus['accounts'][number]> = {},
  state: BridgeStatus['state'] = 'listening',
): BridgeStatus => ({
  state,
  listener: { host: '127.0.0.1', port: 143, tls: 'none', allow: [] },
  startedAt: now.toISOString(),
  connections: 0,
  sessions: 0,
  accounts: [
    {
      id: 'agorum',
      mailbox: 'imap@contoso.de',
      upstream: { host: 'outlook.office365.com', port: 993 },
      sessions: 0,
      lastLogin: null,
      lastSessionEnd: null,
      accessTokenExpiresAt: null,
      refresh: 'unknown',
      refreshProblem: null,
      throttledUntil: null,
      ...account,
    },
  ],
  counters: {
    connections: 0,
    refused: 0,
    loginsOk: 0,
    loginsRejected: 0,
    loginsFailedUpstream: 0,
    bytesFromClients: 0,
    bytesFromUpstream: 0,
  },
});
const facts = (over: Partial<BridgeRuntimeFacts>): BridgeRuntimeFacts => ({
  status: null,
  startProblem: null,
  needsSignIn: null,
  errors: [],
  passwordCopyable: false,
  test: { runningId: null, last: null },
  ...over,
});
const login = (code: string) => ({ at: now.toISOString(), code: code as never, message: '' });

describe('closing the window', () => {
  it('quits without a running bridge, hides with keep-running, asks until an answer is remembered', () => {
    const b = DEFAULT_DESKTOP_BEHAVIOUR;
    expect(onWindowClose({ bridgeRunning: false, behaviour: b })).toBe('quit');
    expect(onWindowClose({ bridgeRunning: true, behaviour: b })).toBe('ask');
    expect(onWindowClose({ bridgeRunning: true, behaviour: { ...b, keepRunningInBackground: true } })).toBe('hide');
    expect(onWindowClose({ bridgeRunning: true, behaviour: { ...b, closeWithBridge: 'quit' } })).toBe('quit');
    expect(onWindowClose({ bridgeRunning: true, behaviour: { ...b, closeWithBridge: 'keep-running' } })).toBe('hide');
  });

  it('stores the answer only when "remember" was ticked', () => {
    expect(afterCloseAnswer('keep-running', false)).toEqual({ decision: 'hide', store: null });
    expect(afterCloseAnswer('quit', true)).toEqual({ decision: 'quit', store: { closeWithBridge: 'quit' } });
  });

  it('both background choices are off by default; a login-item start stays hidden only when chosen', () => {
    expect(DEFAULT_DESKTOP_BEHAVIOUR).toMatchObject({ keepRunningInBackground: false, startWithComputer: false });
    expect(loginItemSettings(true)).toEqual({ openAtLogin: true, openAsHidden: true, args: ['--background'] });
    expect(loginItemSettings(false).openAtLogin).toBe(false);
    expect(startHidden(['app', '--background'], { ...DEFAULT_DESKTOP_BEHAVIOUR, startWithComputer: true })).toBe(true);
    expect(startHidden(['app', '--background'], DEFAULT_DESKTOP_BEHAVIOUR)).toBe(false);
  });
});

describe('run state and summary', () => {
  it('derives each state, worst first', () => {
    expect(runState(facts({}), now)).toBe('stopped');
    expect(
      runState(facts({ startProblem: { code: 'BRIDGE_PORT_IN_USE', message: '', alternatives: [], at: '' } }), now),
    ).toBe('start-failed');
    expect(runState(facts({ status: status() }), now)).toBe('running');
    expect(runState(facts({ status: status({ lastLogin: login('AUTH_FAILED') }) }), now)).toBe('upstream-failing');
    expect(runState(facts({ status: status({ refresh: 'needs-sign-in' }) }), now)).toBe('needs-sign-in');
    // A token failure is over once a refresh works again.
    expect(runState(facts({ status: status({ lastLogin: login('NEEDS_SIGN_IN'), refresh: 'ok' }) }), now)).toBe(
      'running',
    );
    const later = new Date(now.getTime() + 60_000).toISOString();
    expect(runState(facts({ status: status({ throttledUntil: later }) }), now)).toBe('upstream-failing');
  });

  it('the header shows the worst bridge; the banner lists those needing a sign-in', () => {
    const entry = (state: never, since: string | null = null) => ({
      profileId: state,
      displayName: state,
      mailbox: '',
      state,
      address: '',
      sessions: 0,
      needsSignInSince: since,
    });
    const view = bridgesView(
      [entry('running' as never), entry('needs-sign-in' as never, now.toISOString()), entry('stopped' as never)],
      DEFAULT_DESKTOP_BEHAVIOUR,
      false,
    );
    expect(view.summary).toBe('needs-sign-in');
    expect(view.entries.map((e) => e.state)).toEqual(['needs-sign-in', 'running', 'stopped']);
    expect(view.needsSignIn).toHaveLength(1);
    expect(bridgesView([], DEFAULT_DESKTOP_BEHAVIOUR, false).summary).toBe('none');
  });
});

describe('settings validation', () => {
  it('refuses exposure off loopback and a Server-Typ without its transport, by field code', () => {
    const base = defaultBridge(now.toISOString());
    const codes = (v: unknown) => (storedBridgeSchema.safeParse(v).error?.issues ?? []).map((i) => i.message);
    expect(codes({ ...base, host: '192.0.2.1' })).toEqual([
      'bridgeTls.requiredOffLoopback',
      'bridgeAllow.requiredOffLoopback',
    ]);
    expect(codes({ ...base, serverType: 'imaps' })).toEqual(['bridgeTls.implicitForImaps']);
    expect(codes({ ...base, port: 0 })).toEqual(['bridgePort.invalid']);
    expect(codes(base)).toEqual([]);
  });
});

describe('test verdicts', () => {
  const report = (over: Partial<ProbeReport>, response?: string): ProbeReport =>
    ({
      ok: false,
      code: 'AUTH_FAILED',
      stage: 'auth',
      stages: response ? [{ stage: 'auth', status: 'failed', ms: 1, details: { response } }] : [],
      server: { product: 'other', greeting: '* OK [CAPABILITY IMAP4rev1] Mailadapter bridge ready.', capabilities: [] },
      tls: null,
      transcript: [],
      durationMs: 1,
      checkedAt: now.toISOString(),
      ...over,
    }) as ProbeReport;
  const none = { upstream: null, passwordRejected: false };

  it('maps each way a bridge login fails', () => {
    expect(bridgeTestVerdict(report({ ok: true, code: 'OK', stage: 'mailbox' }), none).code).toBe('OK');
    expect(
      bridgeTestVerdict(
        report({ code: 'TCP_REFUSED', stage: 'tcp', server: { product: 'unknown', greeting: null, capabilities: [] } }),
        none,
      ).code,
    ).toBe('BRIDGE_NOT_RUNNING');
    expect(
      bridgeTestVerdict(
        report({
          stage: 'greeting',
          code: 'NOT_IMAP',
          server: { product: 'other', greeting: '* OK agorum IMAP', capabilities: [] },
        }),
        none,
      ).code,
    ).toBe('BRIDGE_PORT_TAKEN');
    expect(
      bridgeTestVerdict(report({}, 'NO [AUTHENTICATIONFAILED] Invalid credentials.'), {
        upstream: null,
        passwordRejected: true,
      }).code,
    ).toBe('BRIDGE_PASSWORD_WRONG');
    expect(
      bridgeTestVerdict(
        report({}, 'NO [AUTHENTICATIONFAILED] The mailbox x must sign in again (NEEDS_SIGN_IN, REFRESH_EXPIRED).'),
        none,
      ),
    ).toEqual({
      code: 'BRIDGE_NEEDS_SIGN_IN',
      upstream: { code: 'NEEDS_SIGN_IN', detail: 'REFRESH_EXPIRED' },
    });
    expect(bridgeTestVerdict(report({}, 'NO [AUTHENTICATIONFAILED] refused (AUTH_FAILED).'), none).code).toBe(
      'BRIDGE_UPSTREAM_REFUSED',
    );
    expect(bridgeTestVerdict(report({}, 'NO [UNAVAILABLE] x could not be used (TCP_TIMEOUT).'), none).code).toBe(
      'BRIDGE_UPSTREAM_UNAVAILABLE',
    );
    expect(bridgeTestVerdict(report({}), { upstream: login('AUTH_THROTTLED'), passwordRejected: false }).code).toBe(
      'BRIDGE_UPSTREAM_THROTTLED',
    );
    expect(bridgeTestVerdict(report({ code: 'CANCELLED' }), none).code).toBe('BRIDGE_TEST_CANCELLED');
  });
});

describe('bridge diagnosis data', () => {
  it('every failing bridge test code has an entry whose texts exist in German and English', () => {
    const codes = BRIDGE_TEST_CODES.filter((c) => c !== 'OK' && c !== 'BRIDGE_TEST_FAILED');
    expect(Object.keys(BRIDGE_DIAGNOSES).sort()).toEqual([...codes].sort());
    for (const language of ['de', 'en'] as const) {
      const { t } = translator(language);
      for (const entry of Object.values(BRIDGE_DIAGNOSES)) {
        for (const key of [entry.title, entry.meaning, ...entry.actions.map((a) => a.text)]) {
          const text = t(key, { detail: 'X' });
          expect(text, key).not.toBe(key);
          expect(text.length).toBeGreaterThan(5);
        }
      }
    }
  });
});
