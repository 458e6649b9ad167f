/**
 * The XOAUTH2 connection test: same probe, stages, report and diagnosis as the password test; AUTH_FAILED causes
 * are re-ranked by what the token says about itself. A dead sign-in leads back to the sign-in step. Coming back to
 * the step shows the last XOAUTH2 result the store kept.
 */
import type { DiagnosisCard as Card } from '@shared/diagnosis/types';
import type { OAuthState } from '@shared/oauth/state';
import { refineTokenDiagnosis } from '@shared/oauth/xoauth2-causes';
import { type ProbeReport, stageOf } from '@shared/probe/report';
import type { Profile } from '@shared/profile/profile';
import { formatDateTime } from '@shared/text/format';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { useLastReport } from '../connection-test/last-report';
import { DiagnosisCard } from '../diagnosis/DiagnosisCard';
import { useWizard } from '../state/wizard-context';
import { Callout } from '../ui/Callout';
import { CheckCircleIcon, PlugIcon, RefreshIcon, SpinnerIcon } from '../ui/icons';
import { Section } from '../ui/StepParts';
import { useGoToPart } from './parts';
import { SignInDiagnosisView } from './SignInDiagnosisView';
import type { OAuthController } from './use-oauth';

const STEP = 'oauthTest';

const isXoauth2 = (report: ProbeReport | undefined): report is ProbeReport =>
  report !== undefined && stageOf(report, 'input')?.details?.credential === 'xoauth2';

export function TestPanel({ oauth, state, profile }: { oauth: OAuthController; state: OAuthState; profile: Profile }) {
  const { t, i18n } = useTranslation(['oauth', 'wizard']);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const { changeStep, statusOf } = useWizard();
  const goToPart = useGoToPart();
  const { test, testFailure } = oauth;
  const running = oauth.busy === 'test';
  const stored = useLastReport(profile.id, 'full');
  // This page's own test first; else the newest stored XOAUTH2 result (a password test is not this step's).
  const report = test?.report ?? (!testFailure && !running && isXoauth2(stored) ? stored : undefined);
  const refine = useCallback(
    (card: Card) => (test ? refineTokenDiagnosis(card, test.token, profile.mailboxUser, lang, new Date()) : card),
    [test, profile.mailboxUser, lang],
  );
  const messages = report?.ok ? stageOf(report, 'mailbox')?.details?.messages : undefined;

  const run = async (forceRefresh: boolean) => {
    const result = await oauth.runTest(forceRefresh);
    if (!result) return;
    // Like the password test: a pass confirms the step, a refusal asks for attention.
    const status = statusOf(STEP).status;
    if (result.report.ok && status !== 'done') await changeStep(STEP, { action: 'confirm' });
    if (!result.report.ok && status !== 'attention') await changeStep(STEP, { action: 'attention' });
  };

  // The controls in a card, the outcome below it, as in the password test.
  return (
    <div className="oauth-test" data-testid="oauth-test">
      <Section>
        <div className="oauth-stack">
          <p>{t('test.intro', { host: profile.host, port: profile.port })}</p>
          {!state.signedIn && (
            <Callout tone="info">
              <p>{t('test.needsSignIn')}</p>
              <button type="button" className="button" onClick={() => goToPart('signIn')}>
                {t('steps.signIn.goTo')}
              </button>
            </Callout>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary button-large"
              disabled={!state.signedIn || running}
              onClick={() => void run(false)}
            >
              {running ? <SpinnerIcon size={18} /> : <PlugIcon size={18} />}
              {running ? t('test.running') : t('test.run')}
            </button>
            {test && !test.report.ok && (
              <button type="button" className="button" disabled={running} onClick={() => void run(true)}>
                <RefreshIcon size={16} />
                {t('test.renewAndRun')}
              </button>
            )}
          </div>
        </div>
      </Section>
      {report?.ok && (
        <div className="success-card" role="status" data-testid="oauth-test-success">
          <CheckCircleIcon size={32} className="success-icon" />
          <div>
            <p className="success-title">{t('wizard:test.success')}</p>
            {messages !== undefined && <p>{t('test.inbox', { count: messages })}</p>}
            {test?.tokenRefreshed && <p className="muted">{t('test.refreshed')}</p>}
            {!test && <p className="muted">{t('test.lastResult', { date: formatDateTime(report.checkedAt, lang) })}</p>}
          </div>
        </div>
      )}
      {report && !report.ok && <DiagnosisCard report={report} refine={refine} testId="oauth-test-diagnosis" />}
      {testFailure?.diagnosis && (
        <SignInDiagnosisView
          diagnosis={testFailure.diagnosis}
          onGoToPart={goToPart}
          onSignInAgain={() => goToPart('signIn')}
          testId="oauth-test-signin-diagnosis"
        />
      )}
      {testFailure && !testFailure.diagnosis && (
        <Callout tone="error" role="alert">
          {testFailure.text ? testFailure.text[lang] : `${testFailure.code}: ${testFailure.message}`}
        </Callout>
      )}
    </div>
  );
}
