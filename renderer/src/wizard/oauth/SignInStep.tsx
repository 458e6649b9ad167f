/** The sign-in as the mailbox user; the step is done while a sign-in is stored. */
import { Section } from '../ui/StepParts';
import { ModernAuthPage } from './ModernAuthPage';
import { SignInPanel } from './SignInPanel';

export function SignInStep() {
  return (
    <ModernAuthPage
      leadKey="steps.signIn.lead"
      render={(ctx) => (
        <Section testId="oauth-part-signIn">
          <SignInPanel {...ctx} />
        </Section>
      )}
    />
  );
}
