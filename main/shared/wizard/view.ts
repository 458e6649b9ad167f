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
import type { RouteText } from './routes';
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

/** One route as the route choice offers it for this connection. */
export interface RouteOption {
  id: Track;
  title: RouteText;
  summary: RouteText;
  recommended: boolean;
  /**
   * The route cannot work at this connection's server (Exchange Online refuses its password login): its cost has to
   * be shown and acknowledged before it is taken (`required`), or was (`acknowledged`); null when it can work.
   */
  warning: 'required' | 'acknowledged' | null;
}

/** What the password route changed in the tenant and should now be undone; each time says when it was confirmed. */
export interface UndoOffer {
  /** Security defaults were switched off (their step confirmed). */
  securityDefaultsOffAt: string | null;
  /** Per-user MFA was switched on for the mailbox user (its step confirmed). */
  perUserMfaAt: string | null;
}

/** The rules that keep an admin from weakening the tenant for a route that cannot work at the server. */
export interface RouteAdvice {
  /** The server is Exchange Online, known by its host name or by the greeting of a test. */
  exchangeOnline: boolean;
  /** Exchange Online and no route chosen yet: Next leads to the route choice, never into a route's own steps. */
  choiceRequired: boolean;
  /** The chosen route cannot work here and its warning was not acknowledged: Next leads to the route choice. */
  warningPending: boolean;
  /** Steps that carry the note that this route cannot work at Exchange Online. */
  noteSteps: WizardStepId[];
  /** Offered after leaving the password route or when Exchange Online refused the password; null: nothing to undo. */
  undo: UndoOffer | null;
  /** The steps that show the undo offer: the route choice, the refused test, the new route's first step. */
  undoOn: WizardStepId[];
}

export interface ConnectionView {
  profile: Profile;
  /** Confirmations with their times and notes (diagnoses weigh how long ago a step was confirmed). */
  progress: WizardProgress;
  recommendedRoute: Track;
  /** Every route, in the order the choice shows them. */
  routes: RouteOption[];
  routeAdvice: RouteAdvice;
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
  /**
   * The route whose steps are listed: the chosen one; until a choice the recommended one at Exchange Online, else
   * the documented procedure.
   */
  listedRoute: Track;
  /** The listed route's steps in order, each with its status. */
  steps: StepView[];
  /** Where Next leads from each step (null: nowhere yet); at Exchange Online never into a route not chosen. */
  next: Record<WizardStepId, WizardStepId | null>;
  /** Where each step leads on this route: itself, or the step with the same job on the other route. */
  stepFor: Record<WizardStepId, WizardStepId>;
  /** Where "continue" leads on this route: its first own step that is not done yet. */
  resumeStep: WizardStepId;
  /** The bridges of all connections: the header's worst state, the needs-sign-in banner, the desktop choices. */
  bridges: BridgesView;
}
