/** The sentence for a bridge code (test outcome, start problem, login result); unknown codes are named as such. */
import type { KeyIn } from '@shared/text/keys';
import { useTranslation } from 'react-i18next';

export function useCodeText(): (code: string) => string {
  const { t, i18n } = useTranslation('bridge');
  return (code) => {
    const key = `codes.${code}` as KeyIn<'bridge'>;
    return code !== 'other' && i18n.exists(`bridge:${key}`) ? t(key) : t('codes.other', { code });
  };
}
