/** The outcome of an import in plain words: what was taken over, what was refused and why. */
import { profileFieldMessage } from '@shared/profile/field-messages';
import type { ImportRejection, ImportReport } from '@shared/profile/transfer';
import type { KeyIn } from '@shared/text/keys';
import { useTranslation } from 'react-i18next';

import { Callout, type CalloutTone } from '../ui/Callout';

const TONE: Record<ImportReport['status'], CalloutTone> = {
  imported: 'success',
  partial: 'warning',
  rejected: 'error',
};
const OWN_REASONS: Record<string, KeyIn<'transfer'>> = {
  'forbidden-key': 'reasons.forbiddenKey',
  'not-an-object': 'reasons.notAnObject',
  'auth.notSaved': 'reasons.authNotSaved',
  'already-present': 'reasons.alreadyPresent',
};

/** The import's own reasons, else a field code (the profile's or the app registration's). */
function useReasonText(): (code: string) => string {
  const { t, i18n } = useTranslation('transfer');
  const language = i18n.language === 'en' ? 'en' : 'de';
  return (code) => {
    const own = OWN_REASONS[code];
    return own ? t(own) : profileFieldMessage(code, language);
  };
}

function Rejection({ item }: { item: ImportRejection }) {
  const { t } = useTranslation('transfer');
  const reason = useReasonText();
  const who =
    item.index < 0
      ? t('report.theFile')
      : item.displayName
        ? t('report.entryNamed', { n: item.index + 1, name: item.displayName })
        : t('report.entry', { n: item.index + 1 });
  return (
    <li>
      <strong>{who}</strong>
      {item.part === 'auth' && <> – {t('report.authOnly')}</>}
      <ul className="transfer-reasons">
        {item.reasons.map((code) => (
          <li key={code}>{reason(code)}</li>
        ))}
      </ul>
    </li>
  );
}

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('transfer');
  const refused = report.rejected.filter((r) => r.part !== 'auth');
  const authOnly = report.rejected.filter((r) => r.part === 'auth');
  const title =
    report.status === 'rejected' ? t('report.nothing') : t('report.imported', { count: report.accepted.length });
  return (
    <Callout tone={TONE[report.status]} title={title} testId="import-report" className="transfer-report">
      {report.fileProblem && <p data-testid="import-file-problem">{t(`fileProblem.${report.fileProblem}`)}</p>}
      {report.accepted.length > 0 && (
        <ul data-testid="import-accepted">
          {report.accepted.map((a) => (
            <li key={a.id}>
              {a.displayName}
              {a.withProgress && <> · {t('report.withProgress')}</>}
              {a.withAuth && <> · {t('report.withAuth')}</>}
              {a.idChanged && <> · {t('report.idChanged')}</>}
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <>
          <p className="callout-title">{t('report.refusedTitle', { count: refused.length })}</p>
          <ul data-testid="import-rejected">
            {refused.map((r) => (
              <Rejection key={`${r.index}`} item={r} />
            ))}
          </ul>
        </>
      )}
      {authOnly.length > 0 && (
        <ul data-testid="import-auth-rejected">
          {authOnly.map((r) => (
            <Rejection key={`auth-${r.index}`} item={r} />
          ))}
        </ul>
      )}
      {report.accepted.length > 0 && (
        <p>{t(report.source === 'settings' ? 'report.secretsKept' : 'report.secretsAgain')}</p>
      )}
      {report.status === 'rejected' && <p>{t('report.unchanged')}</p>}
    </Callout>
  );
}
