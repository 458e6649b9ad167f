/**
 * Every step id of the wizard. Which of them a profile walks, and in which order, depends on its track
 * (tracks.ts). They are stored with progress (main/shared/profile/progress.ts), appear in the setup report and
 * drive time-aware diagnoses, so main and renderer share this one list; never rename an id.
 */
export const WIZARD_STEP_IDS = [
  'start',
  'profile',
  'network',
  'securityDefaults',
  'perUserMfa',
  'appPassword',
  'test',
  'agorum',
  'morePasswords',
  // The page where the track is chosen (its id predates the track-aware step list; it is numbered in neither track).
  'modernAuth',
  // The modern-authentication track (main/shared/wizard/tracks.ts).
  'oauthRegistration',
  'oauthIds',
  'oauthSignIn',
  'oauthTest',
  'oauthHandover',
  // The OAuth bridge track: it reuses the registration, IDs and sign-in above, then sets up the bridge.
  'bridgePlace',
  'bridgeSetup',
  'bridgeValues',
  'bridgeTest',
] as const;
export type WizardStepId = (typeof WIZARD_STEP_IDS)[number];

/** The step whose confirmation time matters for "may still be taking effect" (security defaults switched off). */
export const SECURITY_DEFAULTS_STEP: WizardStepId = 'securityDefaults';
