/**
 * The XOAUTH2 connection test: same probe, report and diagnosis as the password test; AUTH_FAILED causes are
 * re-ranked by what the token says about itself. A dead sign-in leads back to the sign-in step. Main keeps the last
 * result (and sets the step's status), so coming back to the step shows it.
 */
import type { DiagnosisCard as Card } from '@shared/diagnosis/types';
import type { OAuthState } from '@shared/oauth/state';
import { refineTokenDiagnosis } from '@shared/oauth/xoauth2-causes';
import { stageOf } from '@shared/probe/report';
import type { Profile } from '@shared/profile/profile';
import { formatDateTime } from '@shared/text/format';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { useRevealResult } from '../connection-test/use-reveal-result';
import { DiagnosisCard } from '../diagnosis/DiagnosisCard';
import { Callout } from '../ui/Callout';
import { GoToStep } from '../ui/GoToStep';
import { CheckCircleIcon, PlugIcon, RefreshIcon, SpinnerIcon } from '../ui/icons';
import { Section } from '../ui/StepParts';
import { useGoToPart } from './parts';
import { SignInDiagnosisView } from './SignInDiagnosisView';
import type { OAuthController } from './use-oauth';

export function TestPanel({ oauth, state, profile }: { oauth: OAuthController; state: OAuthState; profile: Profile }) {
  const { t, i18n } = useTranslation(['oauth', 'wizard']);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const goToPart = useGoToPart();
  const { lastTest, testFailure } = oauth;
  const running = oauth.busy === 'test';
  // The token's own facts (from a test of this session) rank the causes of a refusal.
  const token = lastTest?.token;
  const report = !testFailure && !running ? lastTest?.report : undefined;
  const refine = useCallback(
    (card: Card) => (token ? refineTokenDiagnosis(card, token, profile.mailboxUser, lang, new Date()) : card),
    [token, profile.mailboxUser, lang],
  );
  // Like the password test: the verdict scrolls into view and its heading takes the focus once the test ends.
  const resultBox = useRevealResult(running ? 'xoauth2' : undefined, report?.checkedAt);
  const messages = report?.ok ? stageOf(report, 'mailbox')?.details?.messages : undefined;
  const run = (forceRefresh: boolean) => void oauth.runTest(forceRefresh);

  // The controls in a card, the outcome below it, as in the password test.
  return (
    <div className="oauth-test" data-testid="oauth-test">
      <Section>
        <div className="oauth-stack">
          <p>{t('test.intro', { host: profile.host, port: profile.port })}</p>
          {!state.signedIn && (
            <Callout tone="info">
              <p>{t('test.needsSignIn')}</p>
              <GoToStep step="oauthSignIn" label={t('steps.signIn.goTo')} />
            </Callout>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary button-large"
              disabled={!state.signedIn || running}
              onClick={() => run(false)}
            >
              {running ? <SpinnerIcon size={18} /> : <PlugIcon size={18} />}
              {running ? t('test.running') : t('test.run')}
            </button>
            {token && report && !report.ok && (
              <button type="button" className="button" disabled={running} onClick={() => run(true)}>
                <RefreshIcon size={16} />
                {t('test.renewAndRun')}
              </button>
            )}
          </div>
        </div>
      </Section>
      <div ref={resultBox}>
        {report?.ok && (
          <div className="success-card" role="status" data-testid="oauth-test-success">
            <CheckCircleIcon size={32} className="success-icon" />
            <div>
              <h2 className="success-title">{t('wizard:test.success')}</h2>
              {messages !== undefined && <p>{t('test.inbox', { count: messages })}</p>}
              {lastTest?.tokenRefreshed && <p className="muted">{t('test.refreshed')}</p>}
              {!token && (
                <p className="muted">{t('test.lastResult', { date: formatDateTime(report.checkedAt, lang) })}</p>
              )}
            </div>
          </div>
        )}
        {report && !report.ok && <DiagnosisCard report={report} refine={refine} testId="oauth-test-diagnosis" />}
      </div>
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
