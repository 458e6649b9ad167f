/**
 * Derives the view from what main holds about the connections; pure, so every rule about steps is applied the
 * same way wherever the view is made (and tested without a keychain).
 */
import type { BridgesView, BridgeView } from '@shared/bridge/host-view';
import type { OAuthState, Track } from '@shared/oauth/state';
import type { Profile } from '@shared/profile/profile';
import type { WizardProgress } from '@shared/profile/progress';
import type { SecretStatus } from '@shared/profile/secrets';
import { bridgeStepFacts } from '@shared/wizard/bridge-step-status';
import { isRetestActive, RETEST_SCHEDULE, type RetestState } from '@shared/wizard/retest';
import { ownStepsOfRoute } from '@shared/wizard/routes';
import { statusFromProgress, stepStatus, type StepStatusFacts } from '@shared/wizard/step-status';
import { WIZARD_STEP_IDS, type WizardStepId } from '@shared/wizard/steps';
import { DEFAULT_TRACK, REGISTRATION_PARTS, stepOnTrack, stepsOfTrack, TRACK_CHOICE_STEP } from '@shared/wizard/tracks';
import type { ConnectionView, LastTests, TestKind, WizardView } from '@shared/wizard/view';

import { listedRouteOf, nextSteps, recommendedFor, routeAdvice, type RouteFacts, routeOptions } from './route-rules';
import { retestOffered, switchOffered } from './rules';

/** What main knows about the active connection. */
export interface ConnectionFacts {
  profile: Profile;
  progress: WizardProgress;
  oauth: OAuthState | null;
  appPassword: SecretStatus | null;
  retest: RetestState | null;
  lastTests: LastTests;
  running: Partial<Record<TestKind, string>>;
  signInUrl: string | null;
  bridge: BridgeView | null;
}

const isStepId = (id: string | null): id is WizardStepId =>
  id !== null && (WIZARD_STEP_IDS as readonly string[]).includes(id);

/** The route's own work: the steps both routes share (start, connection, network) are not what "continue" means. */
function resumeStepOf(route: Track, status: (id: WizardStepId) => string): WizardStepId {
  const own = ownStepsOfRoute(route);
  return own.find((id) => status(id) !== 'done') ?? own[own.length - 1]!;
}

const routeFacts = (facts: ConnectionFacts): RouteFacts => ({
  host: facts.profile.host,
  route: facts.oauth?.track ?? null,
  progress: facts.progress,
  lastTests: facts.lastTests,
});

function connectionView(facts: ConnectionFacts, route: Track): ConnectionView {
  const { profile, progress, lastTests } = facts;
  return {
    profile,
    progress,
    recommendedRoute: recommendedFor(routeFacts(facts)),
    routes: routeOptions(routeFacts(facts)),
    routeAdvice: routeAdvice(routeFacts(facts)),
    parts: Object.fromEntries(
      REGISTRATION_PARTS.map((id) => [id, statusFromProgress(progress.steps[id])]),
    ) as ConnectionView['parts'],
    savedStep: isStepId(progress.currentStepId) ? stepOnTrack(progress.currentStepId, route) : null,
    lastTests,
    running: facts.running,
    appPassword: facts.appPassword,
    oauth: facts.oauth,
    signInUrl: facts.signInUrl,
    retest: {
      state: facts.retest,
      active: facts.retest !== null && isRetestActive(facts.retest.status),
      offered: retestOffered(lastTests.password),
      schedule: RETEST_SCHEDULE,
    },
    switchOffered: switchOffered(lastTests.password, profile.host),
    bridge: facts.bridge,
  };
}

export function deriveView(
  revision: number,
  connections: Profile[],
  active: ConnectionFacts | null,
  bridges: BridgesView,
): WizardView {
  const route = active?.oauth?.track ?? null;
  const listed = active ? listedRouteOf(routeFacts(active)) : DEFAULT_TRACK;
  const facts: StepStatusFacts = {
    steps: active?.progress.steps,
    hasProfiles: connections.length > 0,
    profile: active ? { createdAt: active.profile.createdAt } : null,
    oauth: active?.oauth
      ? {
          registered: active.oauth.registration !== null,
          signedIn: active.oauth.signedIn,
          signedInAt: active.oauth.account?.signedInAt ?? null,
        }
      : null,
    bridge: bridgeStepFacts(active?.bridge ?? null),
  };
  const status = (id: WizardStepId) => stepStatus(id, facts);
  const connection = active ? connectionView(active, listed) : null;
  const gate = connection?.routeAdvice ?? { choiceRequired: false, warningPending: false };
  const resumeStep =
    gate.choiceRequired || gate.warningPending ? TRACK_CHOICE_STEP : resumeStepOf(listed, (id) => status(id).status);
  const steps = stepsOfTrack(listed);
  return {
    revision,
    connections,
    active: connection,
    route,
    listedRoute: listed,
    steps: steps.map((id) => ({ id, status: status(id) })),
    next: nextSteps(steps, resumeStep, gate),
    stepFor: Object.fromEntries(WIZARD_STEP_IDS.map((id) => [id, stepOnTrack(id, listed)])) as WizardView['stepFor'],
    resumeStep,
    bridges,
  };
}
