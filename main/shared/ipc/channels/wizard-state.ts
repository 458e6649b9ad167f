// The wizard's commands, shaped like what the admin does, and the one event carrying the derived view.
// Every command that changes something answers with the new view and also sends it as `wizardView`.
import { DISTINCT_IDS_ISSUE, distinctIds, registrationShape } from '@shared/oauth/registration';
import { trackSchema } from '@shared/oauth/state';
import { displayNameSchema, profileDraftSchema, profileIdSchema, profilePatchSchema } from '@shared/profile/profile';
import type { SaveSecretResult } from '@shared/profile/secrets';
import type { ImportReport } from '@shared/profile/transfer';
import { WIZARD_STEP_IDS } from '@shared/wizard/steps';
import { REGISTRATION_PARTS } from '@shared/wizard/tracks';
import { TEST_KINDS, type WizardView } from '@shared/wizard/view';
import { z } from 'zod';

import { channel, event } from '../define';
import type { IpcError } from '../result';
import { importInputSchema } from './vault';

const byProfile = z.object({ profileId: profileIdSchema }).strict();
const stepSchema = z.enum(WIZARD_STEP_IDS);
/** A step, or one of the parts of the app registration (confirmed on their own). */
const confirmableSchema = z.enum([...WIZARD_STEP_IDS, ...REGISTRATION_PARTS]);
const stepChange = z.object({ profileId: profileIdSchema, stepId: confirmableSchema }).strict();
// Hard backstop only; the vault enforces its own limit with SECRET_TOO_LONG.
const typedSecret = z.string().max(65_536);

export interface TestConnectionResult {
  view: WizardView;
  /** Where the typed app password was saved; absent when none was typed. */
  secretSaved?: SaveSecretResult;
  /** Why the typed app password could not be saved (the test still ran with it). */
  secretError?: IpcError;
}

export const wizardStateChannels = {
  getWizardView: channel(z.undefined()).returns<WizardView>(),
  selectConnection: channel(byProfile).returns<WizardView>(),
  /** Creates a connection and makes it the active one; `stepId` is the step on screen, where it resumes. */
  createConnection: channel(
    z.object({ draft: profileDraftSchema, stepId: stepSchema.optional() }).strict(),
  ).returns<WizardView>(),
  updateConnection: channel(
    z.object({ profileId: profileIdSchema, patch: profilePatchSchema }).strict(),
  ).returns<WizardView>(),
  renameConnection: channel(
    z.object({ profileId: profileIdSchema, displayName: displayNameSchema }).strict(),
  ).returns<WizardView>(),
  /** Also removes its keychain entries, progress, reports, automatic retests and sign-in. */
  deleteConnection: channel(byProfile).returns<WizardView>(),
  /** An export file, or the readable connections of a settings file a start-up notice says was moved aside. */
  importConnections: channel(
    z.union([...importInputSchema.options, z.object({ noticeId: z.string().min(1).max(100) }).strict()]),
  ).returns<{ report: ImportReport; view: WizardView }>(),

  /**
   * Refused with ROUTE_WARNING_REQUIRED when the route cannot work at the connection's server (a password route at
   * Exchange Online) and `acknowledgeWarning` is not set: the admin must have read what it costs.
   */
  chooseRoute: channel(
    z.object({ profileId: profileIdSchema, route: trackSchema, acknowledgeWarning: z.boolean().optional() }).strict(),
  ).returns<WizardView>(),
  /** Remembers the step on screen, so a restart resumes there. */
  goToStep: channel(z.object({ profileId: profileIdSchema, stepId: stepSchema }).strict()).returns<WizardView>(),
  confirmStep: channel(stepChange).returns<WizardView>(),
  undoStep: channel(stepChange).returns<WizardView>(),

  /** Reaches the saved server without any credential: DNS, TCP, TLS, greeting, capabilities. */
  checkNetwork: channel(byProfile).returns<WizardView>(),
  /**
   * The password test: saves the fields (and a typed app password) first, then signs in with them. A typed
   * password that cannot be saved is still used for this test.
   */
  testConnection: channel(
    z
      .object({
        profileId: profileIdSchema,
        settings: profilePatchSchema.pick({ host: true, port: true, security: true, mailboxUser: true }).required(),
        password: typedSecret.optional(),
      })
      .strict(),
  ).returns<TestConnectionResult>(),
  /** Saves a typed app password; `session` keeps it in memory for this run when the keychain fails. */
  saveAppPassword: channel(
    z.object({ profileId: profileIdSchema, secret: typedSecret, fallback: z.enum(['none', 'session']) }).strict(),
  ).returns<{ view: WizardView; saved: SaveSecretResult }>(),
  /** Stops a running test; its report then arrives with code CANCELLED. */
  cancelTest: channel(z.object({ profileId: profileIdSchema, kind: z.enum(TEST_KINDS) }).strict()).returns<{
    cancelled: boolean;
  }>(),
  startRetest: channel(byProfile).returns<WizardView>(),
  cancelRetest: channel(byProfile).returns<WizardView>(),

  saveOAuthIds: channel(
    z
      .object({ profileId: profileIdSchema, ...registrationShape })
      .strict()
      .refine(distinctIds, DISTINCT_IDS_ISSUE),
  ).returns<WizardView>(),
  /** Resolves when the sign-in finished; fails with `OAUTH_<code>` and the diagnosis in `details.diagnosis`. */
  signIn: channel(byProfile).returns<WizardView>(),
  cancelSignIn: channel(byProfile).returns<{ cancelled: boolean }>(),
  signOut: channel(byProfile).returns<WizardView>(),
  /** The XOAUTH2 test; fails like `signIn` when the sign-in is gone or cannot be renewed. */
  testOAuthConnection: channel(
    z.object({ profileId: profileIdSchema, forceRefresh: z.boolean().default(false) }).strict(),
  ).returns<WizardView>(),
};

export const wizardStateEvents = {
  /** The whole derived view, after every change (commands, automatic retests, finished tests). */
  wizardView: event<WizardView>(),
};
