/**
 * The sentence for a bridge code (test outcome, start problem, login result, token refresh); the probe's codes take
 * their diagnosis title; unknown codes are named as such.
 */
import type { KeyIn } from '@shared/text/keys';
import { useTranslation } from 'react-i18next';

export function useCodeText(): (code: string) => string {
  const { t, i18n } = useTranslation('bridge');
  return (code) => {
    const key = `codes.${code}` as KeyIn<'bridge'>;
    if (code !== 'other' && i18n.exists(`bridge:${key}`)) return t(key);
    // The probe's and the sign-in's codes have their titles in the diagnosis catalogue.
    const title = `diagnosis:${code}.title`;
    if (i18n.exists(title)) return String(i18n.t(title as 'diagnosis:AUTH_FAILED.title'));
    return t('codes.other', { code });
  };
}
