/**
 * The page where a profile's track is chosen or changed (step id `modernAuth`, on neither track's list): both ways
 * side by side with the assistant's recommendation, and Next to where the chosen track continues. Switching keeps
 * everything: progress, IDs and the sign-in stay with the profile.
 */
import './oauth.css';

import { useWizardView } from '@renderer/bridge/wizard-view';
import { useTranslation } from 'react-i18next';

import { NeedsProfile } from '../ui/NeedsProfile';
import { Lead, Section } from '../ui/StepParts';
import { TrackChoice } from './TrackChoice';

export function TrackStep() {
  const { t } = useTranslation('oauth');
  const view = useWizardView();
  const active = view?.active;
  return (
    <>
      <Lead>{t('trackPage.lead')}</Lead>
      {!active ? (
        <NeedsProfile textKey="oauth:track.needsProfile" />
      ) : (
        active.oauth && (
          <Section testId="track-page">
            <TrackChoice key={active.profile.id} connection={active} track={view.route} />
          </Section>
        )
      )}
    </>
  );
}
