/**
 * Translated text with light markup: <b> for labels on screen, <old> for the 2022 name shown in brackets,
 * <code> for values to type, <em> for emphasis. Keeps markup out of code and sentences whole for translators.
 */
import { Trans } from 'react-i18next';

const COMPONENTS = {
  b: <strong />,
  em: <em />,
  code: <code />,
  old: <span className="old-name" />,
};

export function RichText({ k, values }: { k: string; values?: Record<string, string | number> }) {
  return <Trans ns="wizard" i18nKey={k} components={COMPONENTS} values={values} />;
}
