/**
 * The names of the things the assistant talks about — stages, steps, registration parts, routes — each defined
 * once in the catalogue and looked up through these keys wherever it appears (wizard, report, command line).
 */
import type { ProbeStage } from '../probe/codes';
import { routeSpec, type Track } from '../wizard/routes';
import type { WizardStepId } from '../wizard/steps';
import type { RegistrationPartId } from '../wizard/tracks';
import { textKey } from './keys';

// Each returns its exact keys (not just any TextKey), so a `t` scoped to that namespace accepts them.

export const stageNameKey = (stage: ProbeStage) => textKey(`probe:stage.${stage}`);

export const stepTitleKey = (step: WizardStepId) => textKey(`wizard:steps.${step}.title`);

const PART_TITLES = {
  oauthRegister: textKey('oauth:parts.register'),
  oauthPlatform: textKey('oauth:parts.platform'),
  oauthPermissions: textKey('oauth:parts.permissions'),
} satisfies Record<RegistrationPartId, unknown>;
export const partTitleKey = (part: RegistrationPartId) => PART_TITLES[part];

export const trackTitleKey = (track: Track) => routeSpec(track).title;
