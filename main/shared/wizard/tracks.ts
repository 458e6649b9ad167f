/**
 * The two ways through the wizard and the steps each one walks. The step list, Next/Back, "Step n of N" and the
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
});

/** Until a track is chosen (and without any profile) the wizard shows the documented procedure, as it always did. */
export const DEFAULT_TRACK: Track = 'app-password';

export const stepsOfTrack = (track: Track | null | undefined): readonly WizardStepId[] =>
  TRACK_STEPS[track ?? DEFAULT_TRACK];

/** The page where the track is chosen: reachable from either list, numbered in neither. */
export const TRACK_CHOICE_STEP: WizardStepId = 'modernAuth';

/** The modern-auth steps the step list shows as one group under the track's name. */
export const MODERN_AUTH_GROUP: readonly WizardStepId[] = ['oauthRegistration', 'oauthIds', 'oauthSignIn', 'oauthTest'];

/** The three Microsoft-side parts of the app registration, each confirmed on its own (progress ids, not steps). */
export const REGISTRATION_PARTS = ['oauthRegister', 'oauthPlatform', 'oauthPermissions'] as const;
export type RegistrationPartId = (typeof REGISTRATION_PARTS)[number];

/**
 * Where a step of one track leads on the other: the step with the same job (the Microsoft-side setup, the sign-in
 * as the mailbox user, the connection test, the values for agorum core).
 */
const COUNTERPART: Partial<Record<WizardStepId, WizardStepId>> = {
  securityDefaults: 'oauthRegistration',
  perUserMfa: 'oauthRegistration',
  appPassword: 'oauthSignIn',
  test: 'oauthTest',
  agorum: 'oauthHandover',
  morePasswords: 'oauthHandover',
  oauthRegistration: 'securityDefaults',
  oauthIds: 'securityDefaults',
  oauthSignIn: 'appPassword',
  oauthTest: 'test',
  oauthHandover: 'agorum',
};

/** The step to show for `step` once `track` applies: itself when the track walks it, else its counterpart. */
export function stepOnTrack(step: WizardStepId, track: Track | null | undefined): WizardStepId {
  if (step === TRACK_CHOICE_STEP || stepsOfTrack(track).includes(step)) return step;
  return COUNTERPART[step] ?? 'start';
}
