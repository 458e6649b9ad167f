/** The printable setup report of a profile: one button, and where the file went. */
import { call } from '@renderer/bridge/call';
import { host } from '@renderer/bridge/host';
import type { Profile } from '@shared/profile/profile';
import { useState } from 'react';

import { type UiKey, useUiText } from '../../i18n/keys';
import { DownloadIcon } from '../ui/icons';
import { Section } from '../ui/StepParts';

export function SetupReportExport({ profile, textKey = 'agorum.reportText' }: { profile: Profile; textKey?: UiKey }) {
  const { t, i18n } = useUiText();
  const [message, setMessage] = useState('');
  const exportReport = async () => {
    setMessage('');
    const r = await call(() =>
      host.exportSetupReport({ profileId: profile.id, language: i18n.language === 'en' ? 'en' : 'de' }),
    );
    if (r.ok) setMessage(r.value.saved ? t('agorum.reportSaved', { path: r.value.path }) : t('agorum.reportCancelled'));
  };
  return (
    <Section title={t('agorum.reportTitle')}>
      <p>{t(textKey)}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void exportReport()}>
          <DownloadIcon size={18} />
          {t('agorum.reportButton')}
        </button>
        <span className="form-notice" role="status" aria-live="polite" data-testid="report-message">
          {message}
        </span>
      </div>
    </Section>
  );
}
