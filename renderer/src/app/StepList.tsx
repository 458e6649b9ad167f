import { useTranslation } from 'react-i18next';
import type { StepId } from '../wizard/steps';

export function StepList(props: { steps: readonly StepId[]; current: StepId; onSelect: (id: StepId) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="step-list" aria-label={t('steps.navLabel')}>
      <ol>
        {props.steps.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              className="step-link"
              aria-current={id === props.current ? 'step' : undefined}
              onClick={() => props.onSelect(id)}
            >
              <span className="step-number" aria-hidden="true">
                {i}
              </span>
              <span>{t(`wizard:steps.${id}.title`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
