/**
 * Step 7: agorum's form filled in with the tested values, each with a Copy button (the app password is copied by
 * main from the keychain and cleared from the clipboard after 30 s), plus the printable setup report.
 */
import { useTranslation } from 'react-i18next';

import { useActive, useStatus } from '../state/view-lookup';
import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { GoToStep } from '../ui/GoToStep';
import { Illustration } from '../ui/Illustration';
import { NeedsProfile } from '../ui/NeedsProfile';
import { Instructions, Lead, Section } from '../ui/StepParts';
import { AgorumForm } from './AgorumForm';
import { SetupReportExport } from './SetupReportExport';

export function AgorumStep() {
  const { t } = useTranslation('wizard');
  const active = useActive();
  const profile = active?.profile;
  const tested = useStatus('test').status === 'done';
  return (
    <>
      <Lead>{t('agorum.lead')}</Lead>
      {profile && !tested && (
        <Callout tone="warning">
          <p>{t('agorum.notTested')}</p>
          <GoToStep step="test" label={t('steps.test.title')} />
        </Callout>
      )}
      {active ? <AgorumForm connection={active} route={{ route: 'app-password' }} /> : <NeedsProfile />}
      <Section>
        <Instructions k="agorum.instructions" />
        <Illustration name="agorum-mail-adapter" texts="agorum.figure" />
      </Section>
      {profile && <SetupReportExport profile={profile} />}
      <DoneBar stepId="agorum" hintKey="agorum.doneHint" />
    </>
  );
}
