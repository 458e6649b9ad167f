/**
 * A bridge whose mailbox sign-in is dead cannot fetch mail for agorum core; the banner says which one since when,
 * with the one action that fixes it: signing in again as the mailbox user (the bridge heals by itself then).
 */
import { formatDateTime } from '@shared/text/format';
import { useTranslation } from 'react-i18next';

import { wizard } from '../bridge/wizard-commands';
import { useWizardView } from '../bridge/wizard-view';
import { useNavigation } from '../wizard/state/navigation';
import { Callout } from '../wizard/ui/Callout';

export function BridgeSignInBanner() {
  const { t, i18n } = useTranslation('bridge');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const entries = useWizardView()?.bridges.needsSignIn ?? [];
  const { openConnection, goTo } = useNavigation();
  if (entries.length === 0) return null;
  // The sign-in page shows the sign-in under way (and any problem with it).
  const signIn = async (profileId: string) => {
    await openConnection(profileId);
    goTo('oauthSignIn');
    await wizard.signIn({ profileId });
  };
  return (
    <div className="notices" data-testid="bridge-signin-notices">
      {entries.map((e) => (
        <Callout
          key={e.profileId}
          tone="error"
          role="alert"
          title={t('banner.title')}
          testId="notice-bridge-needs-sign-in"
          className="notice-banner"
        >
          <p>
            {t('banner.text', {
              mailbox: e.mailbox,
              name: e.displayName,
              date: e.needsSignInSince ? formatDateTime(e.needsSignInSince, lang) : '–',
            })}
          </p>
          <div className="notice-actions">
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => void signIn(e.profileId)}
            >
              {t('banner.action')}
            </button>
          </div>
        </Callout>
      ))}
    </div>
  );
}
