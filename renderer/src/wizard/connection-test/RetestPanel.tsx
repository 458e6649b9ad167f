/**
 * Opt-in automatic retests after a sign-in failure that waiting may fix (main decides when they are offered):
 * explains the lockout-safe schedule, shows a countdown to the next attempt and lets the admin stop. Main runs the
 * schedule, so it survives a restart; this panel only shows and steers it.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import { formatDuration, formatTime } from '@shared/text/format';
import type { ConnectionView } from '@shared/wizard/view';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ClockIcon, RefreshIcon } from '../ui/icons';

export function RetestPanel({ connection }: { connection: ConnectionView }) {
  const { t, i18n } = useTranslation('wizard');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [now, setNow] = useState(() => Date.now());
  const { state: retest, active, offered: worthWaiting, schedule } = connection.retest;
  const profileId = connection.profile.id;

  useEffect(() => {
    if (!active) return;
    // Minutes are the unit shown; a 15-second tick keeps the countdown honest without busy rendering.
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, [active]);

  if (!active && !retest?.stopReason && !worthWaiting) return null;

  const begin = () => void wizard.startRetest({ profileId });
  const stop = () => void wizard.cancelRetest({ profileId });

  return (
    <section className="card retest" aria-labelledby="retest-title" data-testid="retest-panel">
      <h2 className="card-title" id="retest-title">
        <RefreshIcon className="card-title-icon" />
        {t('retest.title')}
      </h2>
      {active && retest ? (
        <>
          <p className="retest-next" role="status" aria-live="polite" data-testid="retest-next">
            <ClockIcon size={18} />
            {retest.status === 'running' || !retest.nextAttemptAt
              ? t('retest.running')
              : t('retest.next', {
                  in: formatDuration(Date.parse(retest.nextAttemptAt) - now, lang),
                  at: formatTime(retest.nextAttemptAt, lang),
                })}
          </p>
          {retest.cappedByHourlyLimit && <p className="muted">{t('retest.capped')}</p>}
          <p className="muted">{t('retest.attempts', { count: retest.attempts.length })}</p>
          <button type="button" className="button" onClick={stop}>
            {t('retest.cancel')}
          </button>
        </>
      ) : (
        <>
          {retest?.stopReason && (
            <p data-testid="retest-ended">
              {t(`retest.ended.${retest.stopReason}`, { hours: schedule.giveUpAfterHours })}
            </p>
          )}
          {worthWaiting && (
            <>
              <p>
                {t('retest.offer', {
                  first: schedule.firstDelayMinutes,
                  perHour: schedule.maxAttemptsPerHour,
                  hours: schedule.giveUpAfterHours,
                })}
              </p>
              <button type="button" className="button" onClick={begin}>
                <RefreshIcon size={16} />
                {t('retest.start')}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
