/**
 * What a `testBridge` report means for the bridge: the connection test's own code says how far the login at the
 * bridge got, and the bridge's side (its login record, or the diagnosis code it put into its NO answer) says why
 * the upstream part failed. Pure, so each mapping is a unit test.
 */
import type { BridgeTestCode } from '@shared/bridge/host-view';
import type { BridgeLoginCode, LoginOutcome } from '@shared/bridge/status';
import { type ProbeReport, stageOf } from '@shared/probe/report';

/** The bridge's greeting, so a foreign server on its address is recognised. */
const OWN_GREETING = /Mailadapter bridge ready/;
/** `… (NEEDS_SIGN_IN, REFRESH_EXPIRED).` / `… (AUTH_FAILED)` at the end of the bridge's NO answer. */
const CODE_IN_ANSWER = /\(([A-Z][A-Z0-9_]+)(?:, ([A-Za-z0-9_]+))?\)\.?\s*$/;

export interface BridgeSide {
  /** The bridge's record of this test's upstream login (only known for the bridge this app hosts). */
  upstream: LoginOutcome | null;
  /** The bridge refused a local password while the test ran. */
  passwordRejected: boolean;
}

const UPSTREAM: Partial<Record<BridgeLoginCode, BridgeTestCode>> = {
  NEEDS_SIGN_IN: 'BRIDGE_NEEDS_SIGN_IN',
  TOKEN_UNAVAILABLE: 'BRIDGE_TOKEN_UNAVAILABLE',
  TOKEN_STORE_FAILED: 'BRIDGE_TOKEN_UNAVAILABLE',
  SESSION_LIMIT: 'BRIDGE_SESSION_LIMIT',
  AUTH_FAILED: 'BRIDGE_UPSTREAM_REFUSED',
  AUTH_MECHANISM_UNSUPPORTED: 'BRIDGE_UPSTREAM_REFUSED',
  AUTH_THROTTLED: 'BRIDGE_UPSTREAM_THROTTLED',
  MAILBOX_NOT_CONNECTED: 'BRIDGE_MAILBOX_NOT_CONNECTED',
};

export function upstreamTestCode(code: string): BridgeTestCode {
  return UPSTREAM[code as BridgeLoginCode] ?? 'BRIDGE_UPSTREAM_UNAVAILABLE';
}

/** The diagnosis code the bridge wrote into its refusal, with its detail (the sign-in code), if any. */
export function codeInAnswer(report: ProbeReport): { code: string; detail: string | null } | null {
  const answer = stageOf(report, 'auth')?.details?.response ?? '';
  const m = CODE_IN_ANSWER.exec(answer);
  return m ? { code: m[1]!, detail: m[2] ?? null } : null;
}

export function bridgeTestVerdict(
  report: ProbeReport,
  side: BridgeSide,
): { code: BridgeTestCode; upstream: { code: string; detail: string | null } | null } {
  if (report.ok) return { code: 'OK', upstream: side.upstream ? { code: side.upstream.code, detail: null } : null };
  if (report.code === 'CANCELLED') return { code: 'BRIDGE_TEST_CANCELLED', upstream: null };
  if (report.code === 'TCP_REFUSED') return { code: 'BRIDGE_NOT_RUNNING', upstream: null };
  const greeting = report.server.greeting;
  if (greeting !== null && !OWN_GREETING.test(greeting)) return { code: 'BRIDGE_PORT_TAKEN', upstream: null };
  if (report.stage === 'auth') {
    const fromAnswer = codeInAnswer(report);
    if (side.passwordRejected || (!side.upstream && !fromAnswer && report.code === 'AUTH_FAILED')) {
      return { code: 'BRIDGE_PASSWORD_WRONG', upstream: null };
    }
    const upstream = side.upstream
      ? { code: side.upstream.code, detail: fromAnswer?.detail ?? null }
      : (fromAnswer ?? { code: report.code, detail: null });
    return { code: upstreamTestCode(upstream.code), upstream };
  }
  if (report.stage === 'mailbox' && report.code === 'MAILBOX_NOT_CONNECTED') {
    return { code: 'BRIDGE_MAILBOX_NOT_CONNECTED', upstream: { code: report.code, detail: null } };
  }
  return { code: 'BRIDGE_TEST_FAILED', upstream: null };
}
