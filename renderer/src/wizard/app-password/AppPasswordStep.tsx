import { useTranslation } from 'react-i18next';

import { useActive } from '../state/view-lookup';
import { Callout } from '../ui/Callout';
import { CopyValue } from '../ui/CopyValue';
import { DoneBar } from '../ui/DoneBar';
import { Illustration } from '../ui/Illustration';
import { PortalActions } from '../ui/PortalActions';
import { Bullets, Instructions, Lead, Section, StepFacts } from '../ui/StepParts';

/** The name the vendor's guide suggests for the app password. */
export const APP_PASSWORD_NAME = 'agorumimap';

/** Step 5: the mailbox user creates the app password, in a session of its own. */
export function AppPasswordStep() {
  const { t } = useTranslation('wizard');
  const profile = useActive()?.profile;
  return (
    <>
      <Lead>{t('appPassword.purpose')}</Lead>
      <StepFacts identity="mailbox" whereKey="appPassword.where" />
      <Callout tone="warning">
        {profile?.mailboxUser ? t('appPassword.asUser', { user: profile.mailboxUser }) : t('appPassword.asUserGeneric')}
      </Callout>
      <Section>
        <Instructions k="appPassword.instructions" />
        <CopyValue
          label={t('appPassword.nameLabel')}
          display={<code>{APP_PASSWORD_NAME}</code>}
          source={{ text: APP_PASSWORD_NAME }}
          testId="name-suggestion"
        />
        <div className="figures">
          <Illustration name="app-password-add" texts="appPassword.figureA" />
          <Illustration name="app-password-copy" texts="appPassword.figureB" />
        </div>
        <PortalActions linkId="securityInfo" identity="mailbox" labelKey="appPassword.open" />
      </Section>
      <Callout tone="info" title={t('appPassword.limitsTitle')}>
        <Bullets k="appPassword.limits" />
      </Callout>
      <DoneBar stepId="appPassword" hintKey="appPassword.doneHint" />
    </>
  );
}
