import { useWizardView } from '@renderer/bridge/wizard-view';
import { trackTitleKey } from '@shared/text/titles';
import type { StepStatusView } from '@shared/wizard/step-status';
import { STEP_GROUPS, type StepGroupId, TRACK_CHOICE_STEP } from '@shared/wizard/tracks';
import type { StepView } from '@shared/wizard/view';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../wizard/state/navigation';
import { CheckIcon, RocketIcon, SwitchIcon } from '../wizard/ui/icons';
import { statusText } from '../wizard/ui/StatusBadge';

function Marker({ index, view }: { index: number; view: StepStatusView }) {
  if (view.status === 'done') {
    return (
      <span className="step-marker step-marker-done" aria-hidden="true">
        <CheckIcon size={14} />
      </span>
    );
  }
  if (view.status === 'attention') {
    return (
      <span className="step-marker step-marker-attention" aria-hidden="true">
        !
      </span>
    );
  }
  return (
    <span className="step-marker" aria-hidden="true">
      {index === 0 ? <RocketIcon size={14} /> : index}
    </span>
  );
}

function StepItem({ item: { id, status: view }, index }: { item: StepView; index: number }) {
  const { t, i18n } = useTranslation('wizard');
  const { step: current, goTo } = useNavigation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  return (
    <li>
      <button
        type="button"
        className={`step-link step-link-${view.status}`}
        aria-current={id === current ? 'step' : undefined}
        onClick={() => goTo(id)}
        data-step={id}
        data-status={view.status}
      >
        <Marker index={index} view={view} />
        <span className="step-link-text">
          <span className="step-link-title">{t(`steps.${id}.title`)}</span>
          {index > 0 && <span className="step-link-status">{statusText(view, t, lang)}</span>}
        </span>
      </button>
    </li>
  );
}

/**
 * Which way this connection goes, and the way to change it. The other track's steps are not listed: they would
 * read as open work that does not apply.
 */
function TrackSwitch() {
  const { t } = useTranslation(['wizard', 'oauth', 'common']);
  const { step, goTo } = useNavigation();
  const view = useWizardView();
  const active = view?.active;
  if (!view || !active?.oauth) return null;
  const { route: track, listedRoute: shown } = view;
  const { profile } = active;
  const exchange = active.routeAdvice.exchangeOnline;
  // Until a choice, the list shows the recommended route at Exchange Online and the documented procedure elsewhere;
  // the box says that nothing is chosen yet, and what the assistant recommends.
  const recommended = active.routes.find((r) => r.recommended)?.id;
  const hint = track
    ? null
    : exchange
      ? t(recommended === 'bridge' ? 'trackSwitch.recommendedBridge' : 'trackSwitch.recommended', {
          host: profile.host,
        })
      : t('trackSwitch.none');
  return (
    <div className="track-switch" data-testid="track-switch" data-track={track ?? 'none'}>
      <p className="track-switch-label">{t('trackSwitch.label')}</p>
      <p className="track-switch-current">{t(trackTitleKey(shown))}</p>
      {hint && <p className={exchange ? 'track-switch-hint track-switch-recommended' : 'track-switch-hint'}>{hint}</p>}
      <button
        type="button"
        className="button button-small track-switch-button"
        aria-current={step === TRACK_CHOICE_STEP ? 'step' : undefined}
        onClick={() => goTo(TRACK_CHOICE_STEP)}
        data-step={TRACK_CHOICE_STEP}
      >
        <SwitchIcon size={16} />
        {track ? t('trackSwitch.change') : t('trackSwitch.choose')}
      </button>
    </div>
  );
}

const GROUP_LABEL = {
  modernAuth: 'stepList.modernAuthGroup',
  bridge: 'stepList.bridgeGroup',
} as const satisfies Record<StepGroupId, string>;

/**
 * The steps of the active connection's track, each reachable at any time, with its status (open / done with date /
 * needs attention). A route's own steps form labelled groups (modern authentication, the bridge).
 */
export function StepList() {
  const { t } = useTranslation(['wizard', 'oauth', 'common']);
  const steps = useWizardView()?.steps ?? [];
  const groupLabel = useId();
  const items: ReactNode[] = [];
  const group: ReactNode[] = [];
  let groupId: StepGroupId | null = null;
  const flushGroup = () => {
    if (!group.length || !groupId) return;
    const labelId = `${groupLabel}-${groupId}`;
    items.push(
      <li key={`group-${groupId}`} className="step-group">
        <span className="step-group-label" id={labelId}>
          {t(GROUP_LABEL[groupId])}
        </span>
        <ol aria-labelledby={labelId}>{group.splice(0)}</ol>
      </li>,
    );
  };
  steps.forEach((item, i) => {
    const inGroup = STEP_GROUPS.find((g) => g.steps.includes(item.id))?.id ?? null;
    if (inGroup !== groupId) flushGroup();
    groupId = inGroup;
    (inGroup ? group : items).push(<StepItem key={item.id} item={item} index={i} />);
  });
  flushGroup();
  return (
    <nav className="step-list" aria-label={t('common:steps.navLabel')}>
      <ol>{items}</ol>
      <TrackSwitch />
    </nav>
  );
}
