/**
 * The status of a step as the step list and the setup report show it. Most steps are what the admin confirmed;
 * a few are proven by facts instead (a saved profile, entered IDs, a stored sign-in), so the wizard and the report
 * derive them the same way here.
 */
import type { StepProgress, WizardProgress } from '../profile/progress';
import { type BridgeStepFacts, bridgeStepStatus } from './bridge-step-status';
import type { WizardStepId } from './steps';
import { REGISTRATION_PARTS, type RegistrationPartId } from './tracks';

export type StepStatusView =
  /** `parts`: a step made of several confirmations, some of them done. */
  | { status: 'open'; parts?: { done: number; total: number } }
  | { status: 'done'; at: string | null }
  | { status: 'attention'; at: string | null };

export interface StepStatusFacts {
  steps: WizardProgress['steps'] | undefined;
  hasProfiles: boolean;
  /** The profile the status is for; null when there is none. */
  profile: { createdAt: string | null } | null;
  /** What the modern-auth track knows beyond confirmations; null when unknown. */
  oauth: { registered: boolean; signedIn: boolean; signedInAt: string | null } | null;
  /** What the connection's OAuth bridge proves; null or absent without one. */
  bridge?: BridgeStepFacts | null;
}

const OPEN: StepStatusView = { status: 'open' };

export const statusFromProgress = (p: StepProgress | undefined): StepStatusView =>
  !p || p.status === 'open' ? OPEN : { status: p.status, at: p.confirmedAt };

/** Done when all three Microsoft-side parts are confirmed, at the latest of their confirmations. */
function registrationStatus(steps: StepStatusFacts['steps']): StepStatusView {
  const confirmed = REGISTRATION_PARTS.map((id) => steps?.[id]).filter((p) => p?.status === 'done');
  if (confirmed.length < REGISTRATION_PARTS.length) {
    return confirmed.length === 0
      ? OPEN
      : { status: 'open', parts: { done: confirmed.length, total: REGISTRATION_PARTS.length } };
  }
  const times = confirmed
    .map((p) => p?.confirmedAt)
    .filter((at): at is string => typeof at === 'string')
    .sort();
  return { status: 'done', at: times.at(-1) ?? null };
}

export function stepStatus(id: WizardStepId | RegistrationPartId, facts: StepStatusFacts): StepStatusView {
  switch (id) {
    // Start and Profile have no confirmation of their own: a saved profile is their proof.
    case 'start':
      return facts.hasProfiles ? { status: 'done', at: null } : OPEN;
    case 'profile':
      return facts.profile ? { status: 'done', at: facts.profile.createdAt } : OPEN;
    case 'oauthRegistration':
      return registrationStatus(facts.steps);
    // The IDs and the sign-in are proven by what main holds, not by a click.
    case 'oauthIds':
      return facts.oauth?.registered ? { status: 'done', at: null } : OPEN;
    case 'oauthSignIn':
      return facts.oauth?.signedIn ? { status: 'done', at: facts.oauth.signedInAt } : OPEN;
    case 'bridgePlace':
    case 'bridgeSetup':
    case 'bridgeTest':
      return bridgeStepStatus(id, facts.bridge, facts.steps?.[id]);
    default:
      return statusFromProgress(facts.steps?.[id]);
  }
}
