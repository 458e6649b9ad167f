/**
 * Translated text with light markup: <b> for labels on screen, <old> for the 2022 name shown in brackets,
 * <code> for values to type, <em> for emphasis. Keeps markup out of code and sentences whole for translators.
 */
import type { ComponentType, ReactElement } from 'react';
import { Trans } from 'react-i18next';

import { type UiItemKey, type UiKey, WIZARD_FIRST } from '../../i18n/keys';

const COMPONENTS = {
  b: <strong />,
  em: <em />,
  code: <code />,
  old: <span className="old-name" />,
};

/**
 * Trans checks its key against every namespace it is given, a union too large for the compiler over all seven.
 * The key is already checked by this component's prop type, so Trans is used with a plain string here.
 */
const KeyedTrans = Trans as unknown as ComponentType<{
  ns: readonly string[];
  i18nKey: string;
  components: Record<string, ReactElement>;
  values?: Record<string, string | number>;
}>;

export function RichText({ k, values }: { k: UiKey | UiItemKey; values?: Record<string, string | number> }) {
  return <KeyedTrans ns={WIZARD_FIRST} i18nKey={k} components={COMPONENTS} values={values} />;
}
