import type { AppInfo } from '@shared/ipc/channels/app';
import { useTranslation } from 'react-i18next';

import { useLastError } from './status';

export function StatusLine({ info }: { info: AppInfo | undefined }) {
  const { t } = useTranslation();
  const error = useLastError();
  return (
    <footer className="status-line">
      <span data-testid="status-ready" data-ready={info ? 'true' : 'false'}>
        {info
          ? t('status.connected', { runtime: t(`status.runtime.${info.runtime}`), version: info.version })
          : t('status.connecting')}
      </span>
      <span role="status" aria-live="polite" data-testid="status-error" className="status-error">
        {error ? t('status.refused', { code: error.code, message: error.message }) : ''}
      </span>
    </footer>
  );
}
