/**
 * Moving connections to another machine: export them (without any password or sign-in) to a JSON file, and import
 * such a file with a report of what was taken over and what was refused, and why.
 */
import '@renderer/app/notices.css';

import { call } from '@renderer/bridge/call';
import { host } from '@renderer/bridge/host';
import { wizard } from '@renderer/bridge/wizard-commands';
import { useWizardView } from '@renderer/bridge/wizard-view';
import type { ExportResult, ImportReport } from '@shared/profile/transfer';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { DownloadIcon, PlusIcon } from '../ui/icons';
import { Section } from '../ui/StepParts';
import { ImportReportView } from './ImportReportView';

function ExportOutcome({ result }: { result: ExportResult }) {
  const { t } = useTranslation('transfer');
  if (result.cancelled || !result.path) {
    return (
      <p className="form-notice transfer-muted" data-testid="export-result">
        {t('export.cancelled')}
      </p>
    );
  }
  return (
    <Callout tone="success" testId="export-result">
      <p>{t('export.saved', { count: result.count })}</p>
      <p>
        <code className="notice-path" data-testid="export-path">
          {result.path}
        </code>
      </p>
      <p>{t('export.noSecrets')}</p>
    </Callout>
  );
}

export function ProfileTransfer() {
  const { t } = useTranslation('transfer');
  const profiles = useWizardView()?.connections ?? [];
  const fileInput = useRef<HTMLInputElement>(null);
  const [exported, setExported] = useState<ExportResult>();
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);

  const runExport = async () => {
    setReport(undefined);
    const r = await call(() => host.exportProfiles({ dialog: true }));
    if (r.ok) setExported(r.value);
  };

  const runImport = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setExported(undefined);
    try {
      const contents = await file.text();
      const r = await wizard.importConnections({ contents });
      if (r.ok) setReport(r.value.report);
    } finally {
      setBusy(false);
      // The same file can be chosen again after fixing it.
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <Section title={t('title')} testId="profile-transfer">
      <p className="transfer-lead">{t('lead')}</p>
      <div className="transfer-actions">
        <button type="button" className="button" onClick={() => void runExport()} disabled={profiles.length === 0}>
          <DownloadIcon size={16} />
          {t('export.button')}
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy}>
          <PlusIcon size={16} />
          {t('import.button')}
        </button>
        <input
          ref={fileInput}
          className="transfer-file"
          type="file"
          accept=".json,application/json"
          tabIndex={-1}
          aria-label={t('import.fileLabel')}
          data-testid="import-file"
          onChange={(e) => void runImport(e.target.files?.[0])}
        />
      </div>
      <div aria-live="polite">
        {exported && <ExportOutcome result={exported} />}
        {report && <ImportReportView report={report} />}
      </div>
    </Section>
  );
}
