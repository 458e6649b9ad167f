/** The track choice where a profile starts (the profile step): chosen once, changeable any time. */
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../main/shared/profile/profile';
import { useWizard } from '../state/wizard-context';
import { Section } from '../ui/StepParts';
import { MODERN_AUTH_STEP } from './SwitchOffer';
import { TrackChoice } from './TrackChoice';
import { useOAuth } from './use-oauth';
import './oauth.css';

export function ProfileTrackChoice({ profile }: { profile: Profile }) {
  const { t } = useTranslation('oauth');
  const { goTo } = useWizard();
  const oauth = useOAuth(profile.id);
  if (!oauth.state) return null;
  return (
    <Section testId="profile-track-choice">
      <TrackChoice profile={profile} track={oauth.state.track} onChoose={oauth.chooseTrack} />
      {oauth.state.track === 'modern-auth' && (
        <button type="button" className="button button-primary" onClick={() => goTo(MODERN_AUTH_STEP)}>
          {t('track.modernAuthNext')}
        </button>
      )}
    </Section>
  );
}
