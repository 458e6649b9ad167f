import { LICENSES_FILE, type LicensesFile } from '@shared/ipc/channels/support';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The licences of bundled packages, from the licenses.json the build writes next to the page. */
export function AboutLicenses() {
  const { t } = useTranslation('support');
  const [file, setFile] = useState<LicensesFile | 'missing'>();

  useEffect(() => {
    let live = true;
    fetch(`./${LICENSES_FILE}`)
      .then((r) => (r.ok ? (r.json() as Promise<LicensesFile>) : Promise.reject(new Error(String(r.status)))))
      .then((f) => live && setFile(Array.isArray(f.packages) ? f : 'missing'))
      .catch(() => live && setFile('missing'));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="about-licenses" data-testid="about-licenses">
      <h3 id="about-licenses">{t('licenses.title')}</h3>
      {file === undefined && <p>{t('licenses.loading')}</p>}
      {file === 'missing' && <p>{t('licenses.missing')}</p>}
      {file && file !== 'missing' && (
        <>
          <p>
            {t('licenses.intro')} ({t('licenses.count', { count: file.packages.length })})
          </p>
          <ul className="about-licenses">
            {file.packages.map((p) => (
              <li key={`${p.name}@${p.version}`}>
                <span className="about-package">
                  {p.name} {p.version}
                </span>{' '}
                <span className="about-license">{p.license}</span>
                {p.text && (
                  <details>
                    <summary>{t('licenses.text')}</summary>
                    <pre>{p.text}</pre>
                  </details>
                )}
              </li>
            ))}
          </ul>
          <p className="support-muted">{t('licenses.electron')}</p>
        </>
      )}
    </section>
  );
}
