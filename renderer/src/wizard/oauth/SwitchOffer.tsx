/**
 * Shown under a failed app-password test when main offers the switch: Exchange Online refused the password, which
 * it does for every password since 2023. One click moves the same connection (host, user, progress) to modern
 * authentication and continues where that route stands.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { ConnectionView } from '@shared/wizard/view';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { Callout } from '../ui/Callout';

export function SwitchOffer({ connection }: { connection: ConnectionView }) {
  const { t } = useTranslation('oauth');
  const { goTo } = useNavigation();
  if (!connection.switchOffered) return null;
  const switchRoute = async () => {
    const r = await wizard.chooseRoute({ profileId: connection.profile.id, route: connection.recommendedRoute });
    if (r.ok) goTo(r.value.resumeStep);
  };
  return (
    <Callout tone="warning" title={t('switch.title')} testId="switch-offer">
      <p>{t('switch.text')}</p>
      <button type="button" className="button button-primary" onClick={() => void switchRoute()}>
        {t('switch.button')}
      </button>
    </Callout>
  );
}
