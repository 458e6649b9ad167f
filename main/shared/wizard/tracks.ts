/**
 * The steps each route walks (derived from routes.ts). The step list, Next/Back, "Step n of N" and the
 * setup report all follow these lists, so a profile on the modern-authentication track never sees the
 * app-password steps as its to-do list (and the other way round).
 */
import { jobOfStep, ROUTES, routeSpec, stepsOfRoute, type Track } from './routes';
import type { WizardStepId } from './steps';

export const TRACK_STEPS: Readonly<Record<Track, readonly WizardStepId[]>> = Object.freeze(
  Object.fromEntries(ROUTES.map((r) => [r.id, stepsOfRoute(r.id)])) as Record<Track, readonly WizardStepId[]>,
);

/** Without any profile (or a route chosen) the wizard shows the documented procedure, as it always did. */
export const DEFAULT_TRACK: Track = 'app-password';

export const stepsOfTrack = (track: Track | null | undefined): readonly WizardStepId[] =>
  TRACK_STEPS[track ?? DEFAULT_TRACK];

/** The page where the track is chosen: reachable from either list, numbered in neither. */
export const TRACK_CHOICE_STEP: WizardStepId = 'modernAuth';

const groupOf = (id: Track): readonly WizardStepId[] => routeSpec(id).group ?? [];

/** The modern-auth steps the step list shows as one group under the route's name (the bridge route shares them). */
export const MODERN_AUTH_GROUP: readonly WizardStepId[] = groupOf('modern-auth');

/** The labelled groups of the step list: modern authentication's steps, and the bridge's own. */
export const STEP_GROUPS = [
  { id: 'modernAuth', steps: MODERN_AUTH_GROUP },
  { id: 'bridge', steps: groupOf('bridge') },
] as const;
export type StepGroupId = (typeof STEP_GROUPS)[number]['id'];

/** The three Microsoft-side parts of the app registration, each confirmed on its own (progress ids, not steps). */
export const REGISTRATION_PARTS = ['oauthRegister', 'oauthPlatform', 'oauthPermissions'] as const;
export type RegistrationPartId = (typeof REGISTRATION_PARTS)[number];

/** The step to show for `step` once `track` applies: itself when the track walks it, else the step with its job. */
export function stepOnTrack(step: WizardStepId, track: Track | null | undefined): WizardStepId {
  if (step === TRACK_CHOICE_STEP || stepsOfTrack(track).includes(step)) return step;
  const job = jobOfStep(step);
  const { jobs } = routeSpec(track ?? DEFAULT_TRACK);
  return job ? (jobs[job][0] ?? jobs.handover[0] ?? 'start') : 'start';
}
