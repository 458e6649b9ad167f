/**
 * The page where a profile's track is chosen or changed (step id `modernAuth`, on neither track's list): both ways
 * side by side with the assistant's recommendation, and Next to where the chosen track continues. Switching keeps
 * everything: progress, IDs and the sign-in stay with the profile.
 */
import './oauth.css';

import { useTranslation } from 'react-i18next';

import { useWizard } from '../state/wizard-context';
import { NeedsProfile } from '../ui/NeedsProfile';
import { Lead, Section } from '../ui/StepParts';
import { TrackChoice } from './TrackChoice';

export function TrackStep() {
  const { t } = useTranslation('oauth');
  const { profile, oauth, chooseTrack } = useWizard();
  return (
    <>
      <Lead>{t('trackPage.lead')}</Lead>
      {!profile ? (
        <NeedsProfile textKey="oauth:track.needsProfile" />
      ) : (
        oauth && (
          <Section testId="track-page">
            <TrackChoice key={profile.id} profile={profile} track={oauth.track} onChoose={chooseTrack} />
          </Section>
        )
      )}
    </>
  );
}
