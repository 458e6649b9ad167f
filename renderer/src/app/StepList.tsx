import { useTranslation } from 'react-i18next';
import { useWizard, type StepStatusView } from '../wizard/state/wizard-context';
import { STEP_IDS, type StepId } from '../wizard/steps';
import { statusText } from '../wizard/ui/StatusBadge';
import { CheckIcon, RocketIcon } from '../wizard/ui/icons';

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

/** Every step, reachable at any time, with its status (open / done with date / needs attention). */
export function StepList() {
  const { t, i18n } = useTranslation('wizard');
  const { step: current, goTo, statusOf } = useWizard();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  return (
    <nav className="step-list" aria-label={t('common:steps.navLabel')}>
      <ol>
        {STEP_IDS.map((id: StepId, i) => {
          const view = statusOf(id);
          return (
            <li key={id}>
              <button
                type="button"
                className={`step-link step-link-${view.status}`}
                aria-current={id === current ? 'step' : undefined}
                onClick={() => goTo(id)}
                data-step={id}
                data-status={view.status}
              >
                <Marker index={i} view={view} />
                <span className="step-link-text">
                  <span className="step-link-title">{t(`steps.${id}.title`)}</span>
                  {i > 0 && <span className="step-link-status">{statusText(view, t, lang)}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
