/** The XOAUTH2 connection test; like the password test it confirms its step when it passes. */
import { DoneBar } from '../ui/DoneBar';
import { ModernAuthPage } from './ModernAuthPage';
import { TestPanel } from './TestPanel';

export function XoauthTestStep() {
  return (
    <>
      <ModernAuthPage
        leadKey="steps.test.lead"
        render={(ctx) => (
          <div data-testid="oauth-part-test">
            <TestPanel {...ctx} />
          </div>
        )}
      />
      <DoneBar stepId="oauthTest" auto />
    </>
  );
}
