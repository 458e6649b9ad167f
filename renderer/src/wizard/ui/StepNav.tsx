import { useTranslation } from 'react-i18next';
import { useWizard } from '../state/wizard-context';
import { STEP_IDS } from '../steps';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

/** Back / "Next: <title>" at the foot of every step, walking the recommended order. */
export function StepNav() {
  const { t } = useTranslation('wizard');
  const { step, next, back, statusOf } = useWizard();
  const index = STEP_IDS.indexOf(step);
  const following = STEP_IDS[index + 1];
  // The start page has its own, larger call to action.
  if (index === 0) return null;
  return (
    <nav className="step-nav" aria-label={t('nav.region')}>
      <button type="button" className="button button-subtle" onClick={back}>
        <ChevronLeftIcon size={18} />
        {t('nav.back')}
      </button>
      {following && (
        // The current task keeps the eye until it is done; then "Next" becomes the obvious move.
        <button type="button" className={statusOf(step).status === 'done' ? 'button button-primary' : 'button'} onClick={next} data-testid="next-step">
          {t('nav.nextTo', { title: t(`steps.${following}.title`) })}
          <ChevronRightIcon size={18} />
        </button>
      )}
    </nav>
  );
}
