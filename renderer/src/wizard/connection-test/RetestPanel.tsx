/**
 * Opt-in automatic retests after a failure that waiting may fix: explains the lockout-safe schedule, shows a
 * countdown to the next attempt and lets the admin stop. Whether one is offered comes from the data next to the
 * report (`retestEligible`); main runs the schedule, so it survives a restart; this panel only shows and steers it.
 */
import { assistant } from '@renderer/bridge/assistant';
import { call } from '@renderer/bridge/call';
import { formatDuration, formatTime } from '@shared/text/format';
import { isRetestActive, type RetestSchedule, type RetestState } from '@shared/wizard/retest';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ClockIcon, RefreshIcon } from '../ui/icons';

export function RetestPanel({ profileId, offered }: { profileId: string; offered: boolean }) {
  const { t, i18n } = useTranslation('wizard');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [retest, setRetest] = useState<RetestState | null>(null);
  const [schedule, setSchedule] = useState<RetestSchedule>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let alive = true;
    void call(() => assistant.getRetest({ profileId }), { quiet: true }).then((r) => {
      if (!alive || !r.ok) return;
      setRetest(r.value.retest);
      setSchedule(r.value.schedule);
    });
    const off = assistant.on('retestUpdate', (state) => state.profileId === profileId && setRetest(state));
    return () => {
      alive = false;
      off();
    };
  }, [profileId]);

  const active = retest !== null && isRetestActive(retest.status);
  useEffect(() => {
    if (!active) return;
    // Minutes are the unit shown; a 15-second tick keeps the countdown honest without busy rendering.
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, [active]);

  if (!schedule) return null;
  const worthWaiting = offered;
  if (!active && !retest?.stopReason && !worthWaiting) return null;

  const begin = async () => {
    const r = await call(() => assistant.startRetest({ profileId }));
    if (r.ok) setRetest(r.value);
  };
  const stop = async () => {
    const r = await call(() => assistant.cancelRetest({ profileId }));
    if (r.ok) setRetest(r.value);
  };

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
          <button type="button" className="button" onClick={() => void stop()}>
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
              <button type="button" className="button" onClick={() => void begin()}>
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
