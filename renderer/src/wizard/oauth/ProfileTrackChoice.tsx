/** The route choice where a connection starts (the connection step): chosen once, changeable any time. */
import './oauth.css';

import { useWizardView } from '@renderer/bridge/wizard-view';

import { Section } from '../ui/StepParts';
import { TrackChoice } from './TrackChoice';

export function ProfileTrackChoice() {
  const view = useWizardView();
  if (!view?.active?.oauth) return null;
  return (
    <Section testId="profile-track-choice">
      <TrackChoice connection={view.active} track={view.route} />
    </Section>
  );
}
