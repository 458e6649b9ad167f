import type { Language } from '@shared/ipc/channels/app';
import { useTranslation } from 'react-i18next';

import { useWizardView } from '../bridge/wizard-view';
import { useNavigation } from '../wizard/state/navigation';
import { AppMark } from '../wizard/ui/icons';
import { AboutButton } from './AboutButton';
import { BridgeIndicator } from './BridgeIndicator';

const LANGUAGES: Language[] = ['de', 'en'];

export function Header(props: { language: Language; onLanguageChange: (l: Language) => void }) {
  const { t } = useTranslation();
  const view = useWizardView();
  const profiles = view?.connections ?? [];
  const profile = view?.active?.profile;
  const { openConnection } = useNavigation();
  return (
    <header className="header">
      <span className="app-name">
        <AppMark size={22} className="app-mark" />
        {t('appName')}
      </span>
      <label className="header-field">
        <span>{t('header.profile')}</span>
        <select
          data-testid="profile-select"
          disabled={profiles.length === 0}
          value={profile?.id ?? ''}
          onChange={(e) => void openConnection(e.target.value)}
        >
          {profiles.length === 0 && <option value="">{t('header.profileNone')}</option>}
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
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
      <BridgeIndicator />
      <AboutButton />
    </header>
  );
}
