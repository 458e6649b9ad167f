/**
 * The parts of the modern-auth track. The Microsoft-side parts (register, platform, permissions) are cards of one
 * step; the others are steps of their own. Diagnoses point to a part; `useGoToPart` opens its step and, for a
 * card, focuses that card's heading.
 */
import { partTitleKey, stepTitleKey } from '@shared/text/titles';
import type { RegistrationPartId } from '@shared/wizard/tracks';
import { useCallback } from 'react';

import { useNavigation } from '../state/navigation';
import type { StepId } from '../steps';

export const PARTS = ['register', 'platform', 'permissions', 'ids', 'signIn', 'test', 'handover'] as const;
export type Part = (typeof PARTS)[number];

/** The cards of the app-registration step, in order. */
export const REGISTRATION_CARDS = ['register', 'platform', 'permissions'] as const satisfies readonly Part[];
export type RegistrationCard = (typeof REGISTRATION_CARDS)[number];

const PART_OF_CARD: Record<RegistrationCard, RegistrationPartId> = {
  register: 'oauthRegister',
  platform: 'oauthPlatform',
  permissions: 'oauthPermissions',
};
const isCard = (part: Part): part is RegistrationCard => (REGISTRATION_CARDS as readonly Part[]).includes(part);

export const partAnchor = (part: Part): string => `oauth-part-${part}`;

const STEP_OF_PART: Record<Part, StepId> = {
  register: 'oauthRegistration',
  platform: 'oauthRegistration',
  permissions: 'oauthRegistration',
  ids: 'oauthIds',
  signIn: 'oauthSignIn',
  test: 'oauthTest',
  handover: 'oauthHandover',
};

/** A card is named by its registration part, any other part by the step it is. */
export const partTitleKeyOf = (part: Part) =>
  isCard(part) ? partTitleKey(PART_OF_CARD[part]) : stepTitleKey(STEP_OF_PART[part]);

export function useGoToPart(): (part: Part) => void {
  const { goTo } = useNavigation();
  return useCallback((part: Part) => goTo(STEP_OF_PART[part], isCard(part) ? partAnchor(part) : undefined), [goTo]);
}
