/**
 * The stages of a connection test as a checklist that fills in live: a tick and the milliseconds for each
 * finished stage. A polite live region announces each stage as it finishes, for screen-reader users.
 */
import type { StageMap, StageView } from '@renderer/bridge/live-stages';
import type { ProbeStage } from '@shared/probe/codes';
import { formatMs } from '@shared/text/format';
import { stageNameKey } from '@shared/text/titles';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckIcon, CircleIcon, DashIcon, ErrorIcon, SpinnerIcon } from '../ui/icons';

const ICONS = { ok: CheckIcon, failed: ErrorIcon, skipped: DashIcon, running: SpinnerIcon, pending: CircleIcon };

export function StageProgress(props: { order: readonly ProbeStage[]; stages: StageMap; testId?: string }) {
  const { t, i18n } = useTranslation(['wizard', 'probe']);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<StageMap>({});
  const label = (stage: ProbeStage) => t(stageNameKey(stage));

  useEffect(() => {
    const changed = props.order.filter((s) => {
      const now = props.stages[s]?.status;
      return now && now !== 'running' && now !== previous.current[s]?.status;
    });
    previous.current = props.stages;
    const last = changed[changed.length - 1];
    if (last) {
      const view = props.stages[last]!;
      setAnnouncement(t('test.announce', { stage: label(last), state: t(`probe:stageState.${view.status}`) }));
    }
    // `label` and `t` only change with the language; announcing is about stage changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.stages, props.order]);

  return (
    <div className="stage-progress" data-testid={props.testId}>
      <ol aria-label={t('test.progressLabel')}>
        {props.order.map((stage) => {
          const view: StageView = props.stages[stage] ?? { status: 'pending', ms: 0 };
          const Icon = ICONS[view.status];
          const finished = view.status === 'ok' || view.status === 'failed';
          return (
            <li key={stage} className={`stage stage-${view.status}`} data-stage={stage} data-status={view.status}>
              <Icon size={18} className="stage-icon" />
              <span className="stage-label">{label(stage)}</span>
              <span className="visually-hidden">{t(`probe:stageState.${view.status}`)}</span>
              <span className="stage-ms">{finished ? formatMs(view.ms, lang) : ''}</span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite" data-testid="stage-announcer">
        {announcement}
      </p>
    </div>
  );
}
