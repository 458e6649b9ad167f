/** Sign-in as the mailbox user: start, wait (with cancel), the signed-in account, sign-out, and what went wrong. */
import type { OAuthState } from '@shared/oauth/state';
import type { Profile } from '@shared/profile/profile';
import { formatDateTime } from '@shared/text/format';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { Callout } from '../ui/Callout';
import { CopyValue } from '../ui/CopyValue';
import { CheckCircleIcon, KeyIcon, SpinnerIcon, TrashIcon } from '../ui/icons';
import { RichText } from '../ui/RichText';
import { AadstsLookup } from './AadstsLookup';
import { useGoToPart } from './parts';
import { SignInDiagnosisView } from './SignInDiagnosisView';
import type { OAuthController } from './use-oauth';

export function SignInPanel({
  oauth,
  state,
  profile,
}: {
  oauth: OAuthController;
  state: OAuthState;
  profile: Profile;
}) {
  const { t, i18n } = useTranslation('oauth');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const { goTo } = useNavigation();
  const goToPart = useGoToPart();
  // A sign-in started on this page, or one still waiting in main after the admin looked at another step.
  const waiting = oauth.busy === 'signIn' || state.signInInProgress;
  const failure = oauth.signInFailure;
  const blocked = !state.registration ? 'needsIds' : profile.mailboxUser.trim() === '' ? 'needsUser' : null;

  return (
    <div className="oauth-signin oauth-stack" data-testid="oauth-signin">
      <p>
        <RichText k="oauth:signIn.intro" values={{ user: profile.mailboxUser || '?' }} />
      </p>
      <p className="muted">
        {t(state.registration?.mode === 'embedded' ? 'signIn.introEmbedded' : 'signIn.introSystem')}
      </p>
      {state.signedIn && state.account ? (
        <div className="success-card" role="status" data-testid="oauth-signed-in">
          <CheckCircleIcon size={28} className="success-icon" />
          <div>
            <p className="success-title">
              {t('signIn.signedIn', {
                user: state.account.username,
                date: formatDateTime(state.account.signedInAt, lang),
              })}
            </p>
            <p className="muted">{t(state.storage === 'session' ? 'signIn.storedSession' : 'signIn.storedKeychain')}</p>
          </div>
        </div>
      ) : (
        !waiting && <p data-testid="oauth-not-signed-in">{t('signIn.notSignedIn')}</p>
      )}
      {state.keychainProblem && <Callout tone="warning">{state.keychainProblem.message}</Callout>}
      {blocked && (
        <Callout tone="info">
          <p>{t(`signIn.${blocked}`)}</p>
          <button
            type="button"
            className="button"
            onClick={() => (blocked === 'needsIds' ? goToPart('ids') : goTo('profile'))}
          >
            {t(blocked === 'needsIds' ? 'steps.ids.goTo' : 'track.toProfile')}
          </button>
        </Callout>
      )}
      <div className="form-actions">
        {waiting ? (
          <>
            <span role="status" aria-live="polite" data-testid="oauth-waiting">
              <SpinnerIcon size={18} /> {t('signIn.waiting')}
            </span>
            <button type="button" className="button" onClick={() => void oauth.cancelSignIn()}>
              {t('signIn.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={blocked !== null}
            onClick={() => void oauth.signIn()}
          >
            <KeyIcon size={18} />
            {state.signedIn ? t('signIn.again') : t('signIn.start')}
          </button>
        )}
        {state.signedIn && !waiting && (
          <button
            type="button"
            className="button button-subtle"
            disabled={oauth.busy !== null}
            onClick={() => void oauth.signOut()}
            data-testid="oauth-sign-out"
          >
            <TrashIcon size={16} />
            {t('signIn.signOut')}
          </button>
        )}
      </div>
      {waiting && oauth.signInUrl && state.registration?.mode !== 'embedded' && (
        <div className="oauth-stack">
          <p className="muted">{t('signIn.opened')}</p>
          {/* The address holds only public values (PKCE challenge, state, login hint); the verifier stays in main. */}
          <CopyValue
            label={t('signIn.urlLabel')}
            display={<span className="mono oauth-url">{shortUrl(oauth.signInUrl)}</span>}
            source={{ text: oauth.signInUrl }}
            testId="oauth-signin-url"
          />
        </div>
      )}
      {failure?.diagnosis && (
        <SignInDiagnosisView
          diagnosis={failure.diagnosis}
          {...(failure.code === 'OAUTH_ACCOUNT_MISMATCH'
            ? {
                detail: t('signIn.mismatch', {
                  signedInAs: failure.signedInAs ?? '?',
                  expected: failure.expected ?? profile.mailboxUser,
                }),
              }
            : {})}
          onGoToPart={goToPart}
          onSignInAgain={() => void oauth.signIn()}
        />
      )}
      {failure && !failure.diagnosis && (
        <Callout tone="error" role="alert" testId="signin-error">
          {failure.text ? failure.text[lang] : `${failure.code}: ${failure.message}`}
        </Callout>
      )}
      <AadstsLookup onGoToPart={goToPart} />
    </div>
  );
}

/** Where the address leads, without its long query; the copy is always the whole address. */
function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return url;
  }
}
