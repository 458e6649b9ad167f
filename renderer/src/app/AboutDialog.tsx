import './AboutDialog.css';

import type { AppInfo } from '@shared/ipc/channels/app';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../bridge/call';
import { host } from '../bridge/host';
import { AboutLicenses } from './AboutLicenses';
import { AboutSupport } from './AboutSupport';

const VERSION_ROWS = ['electron', 'chrome', 'node', 'v8'] as const;

/** Versions, licences, log level and the support package, in a native modal dialog (focus trap, Esc closes). */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['support', 'common']);
  const ref = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<AppInfo>();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    void call(() => host.getAppInfo()).then((r) => r.ok && setInfo(r.value));
  }, []);

  return (
    <dialog
      ref={ref}
      className="about-dialog"
      aria-labelledby="about-title"
      data-testid="about-dialog"
      onClose={onClose}
    >
      <header className="about-head">
        <h2 id="about-title">{t('about.title')}</h2>
        <button type="button" onClick={() => ref.current?.close()}>
          {t('about.close')}
        </button>
      </header>
      <section aria-labelledby="about-versions">
        <h3 id="about-versions">{t('about.versions')}</h3>
        <table className="about-versions" data-testid="about-versions">
          <tbody>
            <tr>
              <th scope="row">{t('about.app')}</th>
              <td>{info?.version ?? t('about.unknown')}</td>
            </tr>
            {VERSION_ROWS.filter((k) => info?.versions[k]).map((k) => (
              <tr key={k}>
                <th scope="row">{t(`about.${k}`)}</th>
                <td>{info?.versions[k]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('about.platform')}</th>
              <td>{info?.platform ?? t('about.unknown')}</td>
            </tr>
            <tr>
              <th scope="row">{t('about.runtime')}</th>
              <td>{info ? t(`common:status.runtime.${info.runtime}`) : t('about.unknown')}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <AboutSupport />
      <AboutLicenses />
    </dialog>
  );
}
