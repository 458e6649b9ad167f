/**
 * Keys that components take as props. Wizard keys may come without their namespace (most step texts live
 * there); anything else carries it (`oauth:…`). The hook's t resolves both the way the types say.
 */
import type { KeyIn, ListKey, ListKeyIn, TextKey } from '@shared/text/keys';
import type { Namespace } from '@shared/text/resources';
import { useTranslation } from 'react-i18next';

export type UiKey = KeyIn<'wizard'> | TextKey;
export type UiListKey = ListKeyIn<'wizard'> | ListKey;
/** One item of a list text, as `Instructions` and `Bullets` address them for markup. */
export type UiItemKey = `${UiListKey}.${number}`;

/** Wizard first, so a key without namespace resolves there at run time, as it does in the types. */
export const WIZARD_FIRST = [
  'wizard',
  'agorum',
  'bridge',
  'cli',
  'common',
  'desktop',
  'diagnosis',
  'errors',
  'figures',
  'notices',
  'oauth',
  'probe',
  'report',
  'signin',
  'support',
  'transfer',
] as const satisfies readonly Namespace[];
// A namespace added to the catalogue but missing above fails here.
const everyNamespace: [Exclude<Namespace, (typeof WIZARD_FIRST)[number]>] extends [never] ? true : false = true;
void everyNamespace;

/** A plain lookup signature: the keys are checked by their types above, and calls stay cheap to type-check. */
export interface UiT {
  (key: UiKey, values?: Record<string, string | number>): string;
  (key: UiListKey, options: { returnObjects: true }): string[];
}

export function useUiText(): { t: UiT; i18n: ReturnType<typeof useTranslation>['i18n'] } {
  const { t, i18n } = useTranslation(WIZARD_FIRST);
  return { t: t as unknown as UiT, i18n };
}
