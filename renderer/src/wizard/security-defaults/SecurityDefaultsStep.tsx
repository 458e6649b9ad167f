import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { Illustration } from '../ui/Illustration';
import { PortalActions } from '../ui/PortalActions';
import { RichText } from '../ui/RichText';
import { Instructions, Lead, Section, StepFacts } from '../ui/StepParts';

/** Step 3: switch off the tenant's security defaults (admin, Entra ID › Overview › Properties). */
export function SecurityDefaultsStep() {
  const { t } = useTranslation('wizard');
  return (
    <>
      <Lead>{t('securityDefaults.purpose')}</Lead>
      <StepFacts identity="admin" whereKey="securityDefaults.where" roleKey="securityDefaults.role" />
      <Section>
        <Instructions k="securityDefaults.instructions" testId="instructions" />
        <Illustration name="security-defaults" texts="securityDefaults.figure" />
        <PortalActions linkId="entraOverview" identity="admin" labelKey="securityDefaults.open" />
      </Section>
      <Callout tone="warning">{t('securityDefaults.caution')}</Callout>
      <Callout tone="warning" testId="managed-policies">
        <RichText k="securityDefaults.managedPolicies" />
      </Callout>
      <Callout tone="info">{t('securityDefaults.timing')}</Callout>
      <DoneBar stepId="securityDefaults" hintKey="securityDefaults.doneHint" />
    </>
  );
}
