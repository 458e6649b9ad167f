/**
 * Shown under a failed app-password test: Exchange Online refused the password, which it does for every password
 * since 2023. One click moves the same profile (host, user, progress) to the modern-auth track.
 */
import { useTranslation } from 'react-i18next';
import { offerSwitchAfter } from '../../../../main/shared/oauth/track';
import type { ProbeReport } from '../../../../main/shared/probe/report';
import type { Profile } from '../../../../main/shared/profile/profile';
import { assistant } from '../../bridge/assistant';
import { call } from '../../bridge/call';
import { useWizard } from '../state/wizard-context';
import type { StepId } from '../steps';
import { Callout } from '../ui/Callout';

export const MODERN_AUTH_STEP: StepId = 'modernAuth';

export function SwitchOffer(props: { profile: Profile; report: ProbeReport | null | undefined }) {
  const { t } = useTranslation('oauth');
  const { goTo } = useWizard();
  if (!props.report || !offerSwitchAfter(props.report.code, props.profile.host, props.report.server.product)) return null;
  const credential = props.report.stages.find((s) => s.stage === 'input')?.details as { credential?: string } | undefined;
  if (credential?.credential === 'xoauth2') return null;
  const switchTrack = async () => {
    const r = await call(() => assistant.setAuthTrack({ profileId: props.profile.id, track: 'modern-auth' }));
    if (r.ok) goTo(MODERN_AUTH_STEP);
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
