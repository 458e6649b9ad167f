/**
 * The ways through the wizard and the steps each one walks. The step list, Next/Back, "Step n of N" and the
 * setup report all follow these lists, so a profile on the modern-authentication track never sees the
 * app-password steps as its to-do list (and the other way round).
 */
import type { Track } from '../oauth/state';
import type { WizardStepId } from './steps';

export const TRACK_STEPS: Readonly<Record<Track, readonly WizardStepId[]>> = Object.freeze({
  'app-password': [
    'start',
    'profile',
    'network',
    'securityDefaults',
    'perUserMfa',
    'appPassword',
    'test',
    'agorum',
    'morePasswords',
  ],
  'modern-auth': [
    'start',
    'profile',
    'network',
    'oauthRegistration',
    'oauthIds',
    'oauthSignIn',
    'oauthTest',
    'oauthHandover',
  ],
  bridge: [
    'start',
    'profile',
    'network',
    'oauthRegistration',
    'oauthIds',
    'oauthSignIn',
    'bridgePlace',
    'bridgeSetup',
    'bridgeValues',
    'bridgeTest',
  ],
});

/** Until a track is chosen (and without any profile) the wizard shows the documented procedure, as it always did. */
export const DEFAULT_TRACK: Track = 'app-password';

export const stepsOfTrack = (track: Track | null | undefined): readonly WizardStepId[] =>
  TRACK_STEPS[track ?? DEFAULT_TRACK];

/** The page where the track is chosen: reachable from either list, numbered in neither. */
export const TRACK_CHOICE_STEP: WizardStepId = 'modernAuth';

/** The modern-auth steps the step list shows as one group under the track's name. */
export const MODERN_AUTH_GROUP: readonly WizardStepId[] = ['oauthRegistration', 'oauthIds', 'oauthSignIn', 'oauthTest'];

/** The bridge's own steps, shown as one group after the sign-in steps it shares with modern authentication. */
export const BRIDGE_GROUP: readonly WizardStepId[] = ['bridgePlace', 'bridgeSetup', 'bridgeValues', 'bridgeTest'];

/** The labelled groups of the step list, in the order they may appear. */
export const STEP_GROUPS = [
  { id: 'modernAuth', steps: MODERN_AUTH_GROUP },
  { id: 'bridge', steps: BRIDGE_GROUP },
] as const;
export type StepGroupId = (typeof STEP_GROUPS)[number]['id'];

/** The three Microsoft-side parts of the app registration, each confirmed on its own (progress ids, not steps). */
export const REGISTRATION_PARTS = ['oauthRegister', 'oauthPlatform', 'oauthPermissions'] as const;
export type RegistrationPartId = (typeof REGISTRATION_PARTS)[number];

/**
 * What a step is for. Where a step of one track leads on another is the step with the same job there (the
 * Microsoft-side setup, the sign-in as the mailbox user, the connection test, the values for agorum core).
 */
type Job = 'microsoft' | 'signIn' | 'place' | 'setup' | 'test' | 'values';

const JOB: Partial<Record<WizardStepId, Job>> = {
  securityDefaults: 'microsoft',
  perUserMfa: 'microsoft',
  oauthRegistration: 'microsoft',
  oauthIds: 'microsoft',
  appPassword: 'signIn',
  oauthSignIn: 'signIn',
  bridgePlace: 'place',
  bridgeSetup: 'setup',
  test: 'test',
  oauthTest: 'test',
  bridgeTest: 'test',
  agorum: 'values',
  morePasswords: 'values',
  oauthHandover: 'values',
  bridgeValues: 'values',
};

const STEP_FOR_JOB: Readonly<Record<Track, Record<Job, WizardStepId>>> = {
  'app-password': {
    microsoft: 'securityDefaults',
    signIn: 'appPassword',
    place: 'agorum',
    setup: 'agorum',
    test: 'test',
    values: 'agorum',
  },
  'modern-auth': {
    microsoft: 'oauthRegistration',
    signIn: 'oauthSignIn',
    place: 'oauthHandover',
    setup: 'oauthHandover',
    test: 'oauthTest',
    values: 'oauthHandover',
  },
  bridge: {
    microsoft: 'oauthRegistration',
    signIn: 'oauthSignIn',
    place: 'bridgePlace',
    setup: 'bridgeSetup',
    test: 'bridgeTest',
    values: 'bridgeValues',
  },
};

/** The step to show for `step` once `track` applies: itself when the track walks it, else the one with its job. */
export function stepOnTrack(step: WizardStepId, track: Track | null | undefined): WizardStepId {
  if (step === TRACK_CHOICE_STEP || stepsOfTrack(track).includes(step)) return step;
  const job = JOB[step];
  return job ? STEP_FOR_JOB[track ?? DEFAULT_TRACK][job] : 'start';
}

/** The steps every track walks (start, connection, network): "continue" means a route's own work after them. */
export const SHARED_STEPS: readonly WizardStepId[] = TRACK_STEPS[DEFAULT_TRACK].filter((id) =>
  Object.values(TRACK_STEPS).every((steps) => steps.includes(id)),
);
