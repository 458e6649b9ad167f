import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { Illustration } from '../ui/Illustration';
import { PortalActions } from '../ui/PortalActions';
import { Bullets, Instructions, Lead, Section, StepFacts } from '../ui/StepParts';

/** Step 8: when another app password makes sense, and how to add (or delete) one as the mailbox user. */
export function MorePasswordsStep() {
  const { t } = useTranslation('wizard');
  return (
    <>
      <Lead>{t('morePasswords.purpose')}</Lead>
      <StepFacts identity="mailbox" whereKey="morePasswords.where" />
      <Section title={t('morePasswords.whenTitle')}>
        <Bullets k="morePasswords.when" />
      </Section>
      <Section title={t('morePasswords.howTitle')}>
        <Instructions k="morePasswords.instructions" />
        <div className="figures">
          <Illustration name="more-passwords" texts="morePasswords.figureA" />
          <Illustration name="security-info-list" texts="morePasswords.figureB" />
        </div>
        <PortalActions linkId="securityInfo" identity="mailbox" labelKey="morePasswords.open" />
      </Section>
      <Callout tone="info">{t('morePasswords.limit')}</Callout>
      <DoneBar stepId="morePasswords" hintKey="morePasswords.doneHint" />
    </>
  );
}
