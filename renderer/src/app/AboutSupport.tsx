import {
  LOG_LEVELS,
  type LogSettings,
  type SaveSupportBundleResult,
  type SupportBundlePreview,
} from '@shared/ipc/channels/support';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../bridge/call';
import { host } from '../bridge/host';

function useFormatBytes() {
  const { t } = useTranslation('support');
  return (n: number) =>
    n < 1024
      ? t('bytes.b', { n })
      : n < 1024 * 1024
        ? t('bytes.kb', { n: (n / 1024).toFixed(1) })
        : t('bytes.mb', { n: (n / 1024 / 1024).toFixed(1) });
}

/** Log level and the support package: prepare → see every file → leave some out → save. */
export function AboutSupport() {
  const { t } = useTranslation('support');
  const formatBytes = useFormatBytes();
  const [logs, setLogs] = useState<LogSettings>();
  const [preview, setPreview] = useState<SupportBundlePreview>();
  const [omitted, setOmitted] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<'preparing' | 'saving'>();
  const [result, setResult] = useState<SaveSupportBundleResult>();

  useEffect(() => {
    void call(() => host.getLogSettings()).then((r) => r.ok && setLogs(r.value));
  }, []);

  const prepare = async () => {
    setBusy('preparing');
    setResult(undefined);
    const r = await call(() => host.previewSupportBundle());
    setBusy(undefined);
    if (r.ok) {
      setPreview(r.value);
      setOmitted(new Set());
    }
  };

  const save = async () => {
    if (!preview) return;
    setBusy('saving');
    const r = await call(() => host.saveSupportBundle({ previewId: preview.previewId, omit: [...omitted] }));
    setBusy(undefined);
    if (r.ok) setResult(r.value);
  };

  const toggle = (name: string) =>
    setOmitted((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  const included = preview ? preview.files.filter((f) => !omitted.has(f.name)) : [];

  return (
    <>
      <section aria-labelledby="about-logs">
        <h3 id="about-logs">{t('logs.title')}</h3>
        <label className="about-field">
          <span>{t('logs.level')}</span>
          <select
            data-testid="log-level"
            value={logs?.level ?? 'info'}
            disabled={!logs}
            onChange={async (e) => {
              const r = await call(() => host.setLogLevel({ level: e.target.value as LogSettings['level'] }));
              if (r.ok) setLogs(r.value);
            }}
          >
            {LOG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`logs.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {logs && <p className="support-muted about-path">{t('logs.folder', { path: logs.directory })}</p>}
      </section>

      <section aria-labelledby="about-bundle">
        <h3 id="about-bundle">{t('bundle.title')}</h3>
        <p>{t('bundle.intro')}</p>
        <button type="button" data-testid="bundle-prepare" onClick={() => void prepare()} disabled={busy !== undefined}>
          {busy === 'preparing' ? t('bundle.preparing') : t('bundle.prepare')}
        </button>
        {preview && (
          <div className="about-bundle" data-testid="bundle-preview">
            <h4>{t('bundle.files')}</h4>
            <ul>
              {preview.files.map((f) => (
                <li key={f.name}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!omitted.has(f.name)}
                      onChange={() => toggle(f.name)}
                      aria-label={t('bundle.include', { name: f.name })}
                    />
                    <code>{f.name}</code>{' '}
                    <span className="support-muted">{t('bundle.size', { size: formatBytes(f.bytes) })}</span>
                  </label>
                  <details>
                    <summary>{t('bundle.show')}</summary>
                    <pre data-testid={`bundle-content-${f.name}`}>{f.content}</pre>
                  </details>
                </li>
              ))}
            </ul>
            {included.length === 0 && <p role="status">{t('bundle.nothing')}</p>}
            <button
              type="button"
              className="primary"
              data-testid="bundle-save"
              onClick={() => void save()}
              disabled={busy !== undefined || included.length === 0}
            >
              {busy === 'saving' ? t('bundle.saving') : t('bundle.save')}
            </button>
          </div>
        )}
        {result && (
          <p role="status" data-testid="bundle-result" className="about-path">
            {result.saved ? t('bundle.saved', { path: result.path }) : t('bundle.cancelled')}
          </p>
        )}
      </section>
    </>
  );
}
