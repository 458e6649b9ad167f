import { useWizardView } from '@renderer/bridge/wizard-view';
import { TRACK_CHOICE_STEP } from '@shared/wizard/tracks';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { useStatus } from '../state/view-lookup';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

/** Back / "Next: <title>" at the foot of every step, walking the profile's track in its recommended order. */
export function StepNav() {
  const { t } = useTranslation('wizard');
  const { step, next, back, nextStep: following } = useNavigation();
  const track = useWizardView()?.route ?? null;
  const status = useStatus(step);
  // The start page has its own, larger call to action.
  if (step === 'start') return null;
  // The current task keeps the eye until it is done (on the track choice: until a track is chosen).
  const settled = step === TRACK_CHOICE_STEP ? track !== null : status.status === 'done';
  return (
    <nav className="step-nav" aria-label={t('nav.region')}>
      <button type="button" className="button button-subtle" onClick={back}>
        <ChevronLeftIcon size={18} />
        {t('nav.back')}
      </button>
      {following && (
        // Keyed by step: a new step gets a new button rather than a colour fading over from the last one.
        <button
          key={step}
          type="button"
          className={settled ? 'button button-primary' : 'button'}
          onClick={next}
          data-testid="next-step"
        >
          {t('nav.nextTo', { title: t(`steps.${following}.title`) })}
          <ChevronRightIcon size={18} />
        </button>
      )}
    </nav>
  );
}
