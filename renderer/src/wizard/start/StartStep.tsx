import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { Callout } from '../ui/Callout';
import { CheckCircleIcon, ChevronRightIcon, KeyIcon } from '../ui/icons';
import { RichText } from '../ui/RichText';
import { Bullets, Lead, Section } from '../ui/StepParts';

/** Step 0: what the assistant does, what the admin needs, and an honest note on where this procedure stands. */
export function StartStep() {
  const { t } = useTranslation('wizard');
  const { next } = useNavigation();
  const statusCount = (t('start.status', { returnObjects: true }) as unknown[]).length;
  return (
    <>
      <Lead>{t('start.lead')}</Lead>
      <Callout tone="warning" title={t('start.statusTitle')} testId="procedure-status">
        {Array.from({ length: statusCount }, (_, i) => (
          <p key={i}>
            <RichText k={`start.status.${i}`} />
          </p>
        ))}
      </Callout>
      <div className="two-columns">
        <Section
          title={
            <>
              <CheckCircleIcon className="card-title-icon" />
              {t('start.doesTitle')}
            </>
          }
        >
          <Bullets k="start.does" className="bullets bullets-check" />
        </Section>
        <Section
          title={
            <>
              <KeyIcon className="card-title-icon" />
              {t('start.needTitle')}
            </>
          }
        >
          <Bullets k="start.need" />
        </Section>
      </div>
      <div className="start-actions">
        <button type="button" className="button button-primary button-large" onClick={next}>
          {t('start.begin')}
          <ChevronRightIcon size={18} />
        </button>
      </div>
    </>
  );
}
