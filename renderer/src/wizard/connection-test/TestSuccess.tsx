/**
 * A passed login test: *Die Verbindung war erfolgreich.*, the INBOX count, how long it took and when. The
 * connection test and *Brücke testen* log in the way agorum core does, so they say success in the same words.
 */
import { type ProbeReport, stageOf } from '@shared/probe/report';
import { formatDateTime, formatMs, formatNumber } from '@shared/text/format';
import { useTranslation } from 'react-i18next';

import { CheckCircleIcon } from '../ui/icons';

/** `testIdPrefix` keeps each screen's test hooks apart: '' gives `test-success`, 'bridge-' `bridge-test-success`. */
export function TestSuccess({ report, testIdPrefix = '' }: { report: ProbeReport; testIdPrefix?: string }) {
  const { t, i18n } = useTranslation('wizard');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const messages = stageOf(report, 'mailbox')?.details?.messages;
  return (
    <div className="success-card" role="status" data-testid={`${testIdPrefix}test-success`}>
      <CheckCircleIcon size={32} className="success-icon" />
      <div>
        <h2 className="success-title">{t('test.success')}</h2>
        {messages !== undefined && (
          <p data-testid={`${testIdPrefix}inbox-count`}>
            {t('test.inbox', { count: messages, formatted: formatNumber(messages, lang) })}
          </p>
        )}
        <p className="muted">
          {t('test.duration', { time: formatMs(report.durationMs, lang) })} ·{' '}
          {t('test.lastResult', { date: formatDateTime(report.checkedAt, lang) })}
        </p>
      </div>
    </div>
  );
}
