import { useTranslation } from 'react-i18next';
import type { Language } from '../../../main/shared/ipc/channels/app';

const LANGUAGES: Language[] = ['de', 'en'];

export function Header(props: { language: Language; onLanguageChange: (l: Language) => void }) {
  const { t } = useTranslation();
  return (
    <header className="header">
      <span className="app-name">{t('appName')}</span>
      <label className="header-field">
        <span>{t('header.profile')}</span>
        <select disabled value="">
          <option value="">{t('header.profileNone')}</option>
        </select>
      </label>
      <label className="header-field">
        <span>{t('header.language')}</span>
        <select
          data-testid="language-select"
          value={props.language}
          onChange={(e) => props.onLanguageChange(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
