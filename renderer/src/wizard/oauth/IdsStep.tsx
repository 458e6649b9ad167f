/** The two IDs of the app registration; the step is done once main holds a valid pair. */
import { Section } from '../ui/StepParts';
import { ModernAuthPage } from './ModernAuthPage';
import { RegistrationForm } from './RegistrationForm';

export function IdsStep() {
  return (
    <ModernAuthPage
      leadKey="steps.ids.lead"
      render={({ oauth, state }) => (
        <Section testId="oauth-part-ids">
          <RegistrationForm oauth={oauth} state={state} />
        </Section>
      )}
    />
  );
}
