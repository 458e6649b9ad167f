/** App-wide: keep the bridge running with the window closed, and start with the computer; both off by default. */
import { wizard } from '@renderer/bridge/wizard-commands';
import { useWizardView } from '@renderer/bridge/wizard-view';
import type { DesktopBehaviour } from '@shared/bridge/host-settings';
import { useTranslation } from 'react-i18next';

import { Section } from '../ui/StepParts';

type Toggle = 'keepRunningInBackground' | 'startWithComputer';

export function DesktopToggles() {
  const { t } = useTranslation('bridge');
  const bridges = useWizardView()?.bridges;
  if (!bridges) return null;
  const { desktop, desktopControls } = bridges;
  const set = (key: Toggle, value: boolean) => void wizard.setDesktopBehaviour({ [key]: value });
  const row = (key: Toggle, label: string, text: string) => (
    <label className="bridge-toggle">
      <input
        type="checkbox"
        checked={desktop[key as keyof DesktopBehaviour] === true}
        disabled={!desktopControls}
        onChange={(e) => set(key, e.target.checked)}
        data-testid={`bridge-${key}`}
      />
      <span>
        <span className="bridge-toggle-label">{label}</span>
        <span className="bridge-toggle-text">{text}</span>
      </span>
    </label>
  );
  return (
    <Section title={t('desktop.title')} testId="bridge-desktop">
      {row('keepRunningInBackground', t('desktop.background'), t('desktop.backgroundText'))}
      {row('startWithComputer', t('desktop.login'), t('desktop.loginText'))}
      <p className="muted">{desktopControls ? t('desktop.offByDefault') : t('desktop.unavailable')}</p>
    </Section>
  );
}
