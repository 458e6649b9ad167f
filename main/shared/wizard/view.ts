/**
 * The wizard as the renderer shows it: derived in main (main/core/wizard-state) from the store, the keychain, the
 * modern-auth state and the retest scheduler, and sent whole with every change (`wizardView`). The renderer adds
 * only where the admin is looking; every rule (a step's status, the route's steps, what a test changes) has already
 * been applied here. Never holds a secret or a token.
 */
import type { BridgesView, BridgeView } from '../bridge/host-view';
import type { OAuthState, Track } from '../oauth/state';
import type { TokenFacts } from '../oauth/xoauth2-causes';
import type { ProbeReport } from '../probe/report';
import type { Profile } from '../profile/profile';
import type { WizardProgress } from '../profile/progress';
import type { SecretStatus } from '../profile/secrets';
import type { RetestSchedule, RetestState } from './retest';
import type { StepStatusView } from './step-status';
import type { WizardStepId } from './steps';
import type { RegistrationPartId } from './tracks';

/** The three connection tests: network check (no credential), password test, XOAUTH2 test. */
export const TEST_KINDS = ['network', 'password', 'xoauth2'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

export interface StepView {
  id: WizardStepId;
  status: StepStatusView;
}

/** The last XOAUTH2 test; the token's own facts are known only for a test of this session. */
export interface XoauthTestView {
  report: ProbeReport;
  tokenRefreshed?: boolean;
  token?: TokenFacts;
}

export interface LastTests {
  network: ProbeReport | null;
  password: ProbeReport | null;
  xoauth2: XoauthTestView | null;
}

export interface RetestView {
  state: RetestState | null;
  /** Attempts are planned (scheduled or running). */
  active: boolean;
  /** The last password test failed in a way waiting may fix, so automatic retests are offered. */
  offered: boolean;
  schedule: RetestSchedule;
}

export interface ConnectionView {
  profile: Profile;
  /** Confirmations with their times and notes (diagnoses weigh how long ago a step was confirmed). */
  progress: WizardProgress;
  recommendedRoute: Track;
  /** The parts of the app registration, each confirmed on its own. */
  parts: Record<RegistrationPartId, StepStatusView>;
  /** Where this connection was left, already on its route: a restart or a switch back resumes there. */
  savedStep: WizardStepId | null;
  lastTests: LastTests;
  /** Run ids of the tests running now (their live stages arrive as `probeStage` events). */
  running: Partial<Record<TestKind, string>>;
  /** The saved app password (never its value); null when the keychain could not be asked. */
  appPassword: SecretStatus | null;
  /** Modern authentication (never a token); null when it could not be read. */
  oauth: OAuthState | null;
  /** Where a waiting sign-in was opened (shown so the admin can copy it), null otherwise. */
  signInUrl: string | null;
  retest: RetestView;
  /** Exchange Online refused the app password: the switch to modern authentication is offered. */
  switchOffered: boolean;
  /** The connection's OAuth bridge; null until it is set up (`configureBridge`). */
  bridge: BridgeView | null;
}

export interface WizardView {
  /** Grows with every view main derives, so a late answer never replaces a newer view. */
  revision: number;
  connections: Profile[];
  active: ConnectionView | null;
  /** The active connection's chosen route; null without a connection or until one is chosen. */
  route: Track | null;
  /** The route's steps in order (the documented procedure until a route is chosen), each with its status. */
  steps: StepView[];
  /** Where each step leads on this route: itself, or the step with the same job on the other route. */
  stepFor: Record<WizardStepId, WizardStepId>;
  /** Where "continue" leads on this route: its first own step that is not done yet. */
  resumeStep: WizardStepId;
  /** The bridges of all connections: the header's worst state, the needs-sign-in banner, the desktop choices. */
  bridges: BridgesView;
}
