/**
 * Shown under a failed app-password test: Exchange Online refused the password, which it does for every password
 * since 2023. One click moves the same profile (host, user, progress) to the modern-auth track.
 */
import { offerSwitchAfter } from '@shared/oauth/track';
import type { ProbeReport } from '@shared/probe/report';
import type { Profile } from '@shared/profile/profile';
import { useTranslation } from 'react-i18next';

import { useWizard } from '../state/wizard-context';
import { Callout } from '../ui/Callout';

export function SwitchOffer(props: { profile: Profile; report: ProbeReport | null | undefined }) {
  const { t } = useTranslation('oauth');
  const { chooseTrack, goTo, resumeStepOf } = useWizard();
  if (!props.report || !offerSwitchAfter(props.report.code, props.profile.host, props.report.server.product))
    return null;
  const credential = props.report.stages.find((s) => s.stage === 'input')?.details as
    { credential?: string } | undefined;
  if (credential?.credential === 'xoauth2') return null;
  // Continues where the modern-auth track stands for this profile: usually the app registration.
  const switchTrack = async () => {
    if (await chooseTrack('modern-auth')) goTo(resumeStepOf('modern-auth'));
  };
  return (
    <Callout tone="warning" title={t('switch.title')} testId="switch-offer">
      <p>{t('switch.text')}</p>
      <button type="button" className="button button-primary" onClick={() => void switchTrack()}>
        {t('switch.button')}
      </button>
    </Callout>
  );
}
