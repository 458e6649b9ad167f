/** The parts of the modern-auth step, in order; each is a card with an anchor the diagnoses can jump to. */
export const PARTS = ['register', 'platform', 'permissions', 'ids', 'signIn', 'test', 'handover'] as const;
export type Part = (typeof PARTS)[number];

export const partAnchor = (part: Part): string => `oauth-part-${part}`;

export function scrollToPart(part: Part): void {
  const el = document.getElementById(partAnchor(part));
  el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el?.querySelector<HTMLElement>('h2')?.focus();
}
