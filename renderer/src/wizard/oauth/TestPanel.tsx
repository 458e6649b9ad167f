/**
 * The XOAUTH2 connection test: same probe, stages, report and diagnosis as the password test; AUTH_FAILED causes
 * are re-ranked by what the token says about itself. A dead sign-in leads back to the sign-in part.
 */
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosisCard as Card } from '../../../../main/shared/diagnosis/types';
import { refineTokenDiagnosis } from '../../../../main/shared/oauth/xoauth2-causes';
import type { OAuthState } from '../../../../main/shared/oauth/state';
import { stageOf } from '../../../../main/shared/probe/report';
import type { Profile } from '../../../../main/shared/profile/profile';
import { DiagnosisCard } from '../diagnosis/DiagnosisCard';
import { useWizard } from '../state/wizard-context';
import { MODERN_AUTH_STEP } from './SwitchOffer';
import { CheckCircleIcon, PlugIcon, RefreshIcon, SpinnerIcon } from '../ui/icons';
import { Callout } from '../ui/Callout';
import { scrollToPart } from './parts';
import { SignInDiagnosisView } from './SignInDiagnosisView';
import type { OAuthController } from './use-oauth';

export function TestPanel({ oauth, state, profile }: { oauth: OAuthController; state: OAuthState; profile: Profile }) {
  const { t, i18n } = useTranslation('oauth');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const { test, testFailure } = oauth;
  const running = oauth.busy === 'test';
  const refine = useCallback(
    (card: Card) => (test ? refineTokenDiagnosis(card, test.token, profile.mailboxUser, lang, new Date()) : card),
    [test, profile.mailboxUser, lang],
  );
  const { changeStep, statusOf } = useWizard();
  const passed = test?.report.ok === true;
  const confirmed = statusOf(MODERN_AUTH_STEP).status === 'done';
  // Like the password test, a passing XOAUTH2 test confirms its step by itself.
  useEffect(() => {
    if (passed && !confirmed) void changeStep(MODERN_AUTH_STEP, { action: 'confirm' });
  }, [passed, confirmed, changeStep]);
  const messages = test?.report.ok ? stageOf(test.report, 'mailbox')?.details?.messages : undefined;

  return (
    <div className="oauth-test" data-testid="oauth-test">
      <p>{t('test.intro', { host: profile.host, port: profile.port })}</p>
      {!state.signedIn && <Callout tone="info">{t('test.needsSignIn')}</Callout>}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={!state.signedIn || running} onClick={() => void oauth.runTest(false)}>
          {running ? <SpinnerIcon size={18} /> : <PlugIcon size={18} />}
          {running ? t('test.running') : t('test.run')}
        </button>
        {test && !test.report.ok && (
          <button type="button" className="button" disabled={running} onClick={() => void oauth.runTest(true)}>
            <RefreshIcon size={16} />
            {t('test.renewAndRun')}
          </button>
        )}
      </div>
      {test?.report.ok && (
        <div className="success-card" role="status" data-testid="oauth-test-success">
          <CheckCircleIcon size={32} className="success-icon" />
          <div>
            <p className="success-title">{t('test.success')}</p>
            {messages !== undefined && <p>{t('test.inbox', { count: messages })}</p>}
            {test.tokenRefreshed && <p className="muted">{t('test.refreshed')}</p>}
          </div>
        </div>
      )}
      {test && !test.report.ok && <DiagnosisCard report={test.report} refine={refine} testId="oauth-test-diagnosis" />}
      {testFailure?.diagnosis && (
        <SignInDiagnosisView diagnosis={testFailure.diagnosis} onGoToPart={scrollToPart} onSignInAgain={() => scrollToPart('signIn')} testId="oauth-test-signin-diagnosis" />
      )}
      {testFailure && !testFailure.diagnosis && (
        <Callout tone="error" role="alert">
          {testFailure.text ? testFailure.text[lang] : `${testFailure.code}: ${testFailure.message}`}
        </Callout>
      )}
    </div>
  );
}
