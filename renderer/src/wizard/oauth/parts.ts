/**
 * The parts of the modern-auth track. The Microsoft-side parts (register, platform, permissions) are cards of one
 * step; the others are steps of their own. Diagnoses point to a part; `useGoToPart` opens its step and, for a
 * card, focuses that card's heading.
 */
import { useCallback } from 'react';

import { useNavigation } from '../state/navigation';
import type { StepId } from '../steps';

export const PARTS = ['register', 'platform', 'permissions', 'ids', 'signIn', 'test', 'handover'] as const;
export type Part = (typeof PARTS)[number];

/** The cards of the app-registration step, in order. */
export const REGISTRATION_CARDS = ['register', 'platform', 'permissions'] as const satisfies readonly Part[];

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

export function useGoToPart(): (part: Part) => void {
  const { goTo } = useNavigation();
  return useCallback(
    (part: Part) =>
      goTo(STEP_OF_PART[part], (REGISTRATION_CARDS as readonly Part[]).includes(part) ? partAnchor(part) : undefined),
    [goTo],
  );
}
