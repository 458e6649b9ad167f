import { useTranslation } from 'react-i18next';

import { useActive } from '../state/view-lookup';
import { Callout } from '../ui/Callout';
import { DoneBar } from '../ui/DoneBar';
import { UserIcon } from '../ui/icons';
import { Illustration } from '../ui/Illustration';
import { PortalActions } from '../ui/PortalActions';
import { Instructions, Lead, Section, StepFacts } from '../ui/StepParts';

/** Step 4: per-user MFA for the mailbox user, plus the tenant-wide "allow app passwords" service setting. */
export function PerUserMfaStep() {
  const { t } = useTranslation('wizard');
  const profile = useActive()?.profile;
  const countA = (t('perUserMfa.instructionsA', { returnObjects: true }) as unknown[]).length;
  return (
    <>
      <Lead>{t('perUserMfa.purpose')}</Lead>
      <StepFacts
        identity="admin"
        whereKey="perUserMfa.where"
        roleKey="perUserMfa.role"
        extra={
          profile?.mailboxUser ? (
            <li className="fact">
              <UserIcon size={16} />
              {t('perUserMfa.userChip', { user: profile.mailboxUser })}
            </li>
          ) : null
        }
      />
      <Section title={t('perUserMfa.partA')} testId="part-a">
        <Instructions k="perUserMfa.instructionsA" />
        <Illustration name="per-user-mfa" texts="perUserMfa.figureA" />
        <p className="muted">{t('perUserMfa.autoEnforce')}</p>
        <PortalActions linkId="entraUsers" identity="admin" labelKey="perUserMfa.openA" />
        <p className="muted" data-testid="per-user-mfa-fallback">
          {t('perUserMfa.legacyFallback')}
        </p>
      </Section>
      <Section title={t('perUserMfa.partB')} testId="part-b">
        <Callout tone="warning">{t('perUserMfa.missing')}</Callout>
        <p className="muted">{t('perUserMfa.legacyPage')}</p>
        <Instructions k="perUserMfa.instructionsB" start={countA + 1} />
        <Illustration name="mfa-service-settings" texts="perUserMfa.figureB" />
        <PortalActions linkId="mfaServiceSettings" identity="admin" labelKey="perUserMfa.openB" />
      </Section>
      <DoneBar stepId="perUserMfa" />
    </>
  );
}
