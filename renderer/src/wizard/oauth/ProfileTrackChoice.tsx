/** The track choice where a profile starts (the profile step): chosen once, changeable any time. */
import './oauth.css';

import type { Profile } from '@shared/profile/profile';

import { useWizard } from '../state/wizard-context';
import { Section } from '../ui/StepParts';
import { TrackChoice } from './TrackChoice';

export function ProfileTrackChoice({ profile }: { profile: Profile }) {
  const { oauth, chooseTrack } = useWizard();
  if (!oauth || oauth.profileId !== profile.id) return null;
  return (
    <Section testId="profile-track-choice">
      <TrackChoice profile={profile} track={oauth.track} onChoose={chooseTrack} />
    </Section>
  );
}
