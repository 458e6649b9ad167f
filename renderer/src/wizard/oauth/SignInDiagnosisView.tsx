/**
 * A sign-in problem explained: title, what to do, Microsoft's own message, and a button for the next move
 * (back to a registration part, or sign in again). Also used for codes the admin types from the browser.
 */
import type { SignInDiagnosis } from '@shared/oauth/aadsts';

import { useUiText } from '../../i18n/keys';
import { Callout } from '../ui/Callout';
import { partTitleKeyOf } from './parts';

const PART_OF_STEP = { register: 'register', platform: 'platform', permissions: 'permissions', ids: 'ids' } as const;

export function SignInDiagnosisView(props: {
  diagnosis: SignInDiagnosis;
  detail?: string;
  onGoToPart?: (part: keyof typeof PART_OF_STEP) => void;
  onSignInAgain?: () => void;
  testId?: string;
}) {
  const { t } = useUiText();
  const d = props.diagnosis;
  const tone = d.action === 'wait' || d.action === 'sign-in-again' ? 'warning' : 'error';
  return (
    <Callout
      tone={tone}
      title={t(d.title)}
      role="alert"
      testId={props.testId ?? 'signin-diagnosis'}
      className="signin-diagnosis"
    >
      <p className="diagnosis-code">
        <span className="pill tag" data-testid="signin-diagnosis-code">
          {d.aadsts !== undefined ? `AADSTS${d.aadsts}` : d.code}
        </span>
      </p>
      <p>{t(d.text)}</p>
      {props.detail && <p>{props.detail}</p>}
      {d.serverMessage && (
        <p className="muted">
          {t('oauth:signIn.serverMessage')}: <span className="mono">{d.serverMessage}</span>
        </p>
      )}
      <div className="form-actions">
        {d.step && props.onGoToPart && (
          <button type="button" className="button" onClick={() => props.onGoToPart?.(d.step!)}>
            {t('oauth:signIn.goToPart', { part: t(partTitleKeyOf(d.step)) })}
          </button>
        )}
        {d.action === 'sign-in-again' && props.onSignInAgain && (
          <button type="button" className="button button-primary" onClick={props.onSignInAgain}>
            {t('oauth:signIn.again')}
          </button>
        )}
      </div>
    </Callout>
  );
}
