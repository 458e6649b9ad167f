/**
 * What a banner says about a data-folder file that could not be read: why, where the file went, what that means,
 * and — for the settings file — taking its readable connections over, with the import's per-entry report.
 */
import type { Notice } from '@shared/profile/notices';
import type { ImportReport } from '@shared/profile/transfer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { wizard } from '../bridge/wizard-commands';
import { ImportReportView } from '../wizard/profile/ImportReportView';
import { PlusIcon } from '../wizard/ui/icons';

type Recovered = Extract<Notice, { kind: 'store-recovered' }>;

/** A settings file with a structure to read (not garbage, not oversized) may still hold valid connections. */
const importable = (n: Recovered) =>
  n.document === 'store' && n.backupPath !== null && (n.reason === 'schema' || n.reason === 'newer-version');

export function RecoveredNotice({ notice, onImported }: { notice: Recovered; onImported: () => void }) {
  const { t } = useTranslation('notices');
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  // The button is gone once the report is there; keyboard users continue at the report.
  useEffect(() => {
    if (report) outcome.current?.focus();
  }, [report]);

  const takeOver = async () => {
    setBusy(true);
    try {
      const r = await wizard.importConnections({ noticeId: notice.id });
      if (!r.ok) return;
      setReport(r.value.report);
      if (r.value.report.accepted.length > 0) onImported();
    } finally {
      setBusy(false);
    }
  };

  const consequence = notice.document === 'store' ? t('recovered.clean') : t(`documents.${notice.document}.clean`);
  return (
    <>
      <p>{t(`recovered.reason.${notice.reason}`)}</p>
      {notice.backupPath ? (
        <p>
          {t('recovered.movedTo')}{' '}
          <code className="notice-path" data-testid="notice-backup-path">
            {notice.backupPath}
          </code>
        </p>
      ) : (
        <p>{t('recovered.notMoved')}</p>
      )}
      {/* Once connections are back, "started without connections" is no longer true. */}
      {!report?.accepted.length && <p>{notice.salvaged ? t('recovered.salvaged', notice.salvaged) : consequence}</p>}
      {importable(notice) && !report && (
        <>
          <p>{t('recovered.importHint')}</p>
          <div className="notice-actions">
            <button type="button" className="button button-small" disabled={busy} onClick={() => void takeOver()}>
              <PlusIcon size={16} />
              {t('recovered.import')}
            </button>
          </div>
        </>
      )}
      <div aria-live="polite" ref={outcome} tabIndex={-1} className="notice-outcome">
        {report && <ImportReportView report={report} />}
      </div>
    </>
  );
}
