/**
 * The last step of the modern-auth track, in place of "Enter it in agorum core": the values an OAuth-capable mail
 * adapter needs, the printable setup report (which carries them too) and the admin's confirmation.
 */
import { useTranslation } from 'react-i18next';

import { AgorumForm } from '../agorum/AgorumForm';
import { SetupReportExport } from '../agorum/SetupReportExport';
import { useActive, useStatus } from '../state/view-lookup';
import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { GoToStep } from '../ui/GoToStep';
import { Section } from '../ui/StepParts';
import { Handover } from './Handover';
import { ModernAuthPage } from './ModernAuthPage';

/** Like "Enter it in agorum core": values that were never proven get a word of caution and the way to the test. */
function NotTested() {
  const { t } = useTranslation(['oauth', 'wizard']);
  const tested = useStatus('oauthTest').status === 'done';
  if (tested) return null;
  return (
    <Callout tone="warning" testId="handover-not-tested">
      <p>{t('steps.handover.notTested')}</p>
      <GoToStep step="oauthTest" label={t('wizard:steps.oauthTest.title')} />
    </Callout>
  );
}

export function HandoverStep() {
  const active = useActive();
  return (
    <>
      <ModernAuthPage
        leadKey="steps.handover.lead"
        render={({ profile, state }) => (
          <>
            {state.handover && <NotTested />}
            {active && <AgorumForm connection={active} route={{ route: 'modern-auth' }} />}
            <Section testId="oauth-part-handover">
              <Handover state={state} />
            </Section>
            <SetupReportExport profile={profile} textKey="oauth:steps.handover.reportText" />
          </>
        )}
      />
      <DoneBar stepId="oauthHandover" hintKey="oauth:steps.handover.doneHint" />
    </>
  );
}
