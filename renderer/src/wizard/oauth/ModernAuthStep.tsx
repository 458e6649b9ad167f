/**
 * The modern-authentication track as one wizard step: the track choice, the app registration in Entra ID (three
 * Microsoft-side parts with illustrations and done-confirmations), the IDs, the sign-in as the mailbox user, the
 * XOAUTH2 connection test and the hand-over values. Each part is a card the diagnoses can jump to.
 */
import type { ReactNode } from 'react';
import type { Profile } from '../../../../main/shared/profile/profile';
import { useTranslation } from 'react-i18next';
import { useWizard } from '../state/wizard-context';
import { Callout } from '../ui/Callout';
import { CheckCircleIcon, CircleIcon } from '../ui/icons';
import { Lead, Section } from '../ui/StepParts';
import { Handover } from './Handover';
import { usePartDone } from './PartDone';
import { PARTS, partAnchor, scrollToPart, type Part } from './parts';
import { PermissionsPart, PlatformPart, RegisterPart } from './RegistrationParts';
import { RegistrationForm } from './RegistrationForm';
import { SignInPanel } from './SignInPanel';
import { TestPanel } from './TestPanel';
import { TrackChoice } from './TrackChoice';
import { useOAuth } from './use-oauth';
import './oauth.css';

function PartCard({ part, index, children }: { part: Part; index: number; children: ReactNode }) {
  const { t } = useTranslation('oauth');
  return (
    <Section className="oauth-part" testId={`oauth-part-${part}`}>
      <h2 className="card-title" id={partAnchor(part)} tabIndex={-1}>
        <span className="instruction-number" aria-hidden="true">
          {index + 1}
        </span>
        {t(`parts.${part}`)}
      </h2>
      {children}
    </Section>
  );
}

function PartList({ done }: { done: Record<Part, boolean> }) {
  const { t } = useTranslation('oauth');
  return (
    <nav className="oauth-parts" aria-label={t('parts.heading')}>
      <ol>
        {PARTS.map((p) => (
          <li key={p}>
            <button type="button" className="button button-subtle button-small" onClick={() => scrollToPart(p)} data-part={p} data-done={done[p]}>
              {done[p] ? <CheckCircleIcon size={16} /> : <CircleIcon size={16} />}
              {t(`parts.${p}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ModernAuthStep() {
  const { t } = useTranslation('oauth');
  const { profile, goTo } = useWizard();
  if (!profile) {
    return (
      <Callout tone="info">
        <p>{t('track.needsProfile')}</p>
        <button type="button" className="button" onClick={() => goTo('profile')}>
          {t('track.toProfile')}
        </button>
      </Callout>
    );
  }
  return <ModernAuthTrack key={profile.id} profile={profile} />;
}

function ModernAuthTrack({ profile }: { profile: Profile }) {
  const { t } = useTranslation('oauth');
  const oauth = useOAuth(profile.id);
  const { state } = oauth;
  const registered = usePartDone('oauthRegister') !== null;
  const platform = usePartDone('oauthPlatform') !== null;
  const permissions = usePartDone('oauthPermissions') !== null;

  if (!state) return null;

  const choice = <TrackChoice profile={profile} track={state.track} onChoose={oauth.chooseTrack} />;
  if (state.track !== 'modern-auth') {
    return (
      <>
        {state.track === 'app-password' && <Lead>{t('track.appPasswordChosen')}</Lead>}
        <Section>{choice}</Section>
      </>
    );
  }

  const done: Record<Part, boolean> = {
    register: registered,
    platform,
    permissions,
    ids: state.registration !== null,
    signIn: state.signedIn,
    test: oauth.test?.report.ok === true,
    handover: false,
  };
  return (
    <>
      <Section>{choice}</Section>
      <PartList done={done} />
      <PartCard part="register" index={0}>
        <RegisterPart />
      </PartCard>
      <PartCard part="platform" index={1}>
        <PlatformPart />
      </PartCard>
      <PartCard part="permissions" index={2}>
        <PermissionsPart />
      </PartCard>
      <PartCard part="ids" index={3}>
        <RegistrationForm oauth={oauth} state={state} />
      </PartCard>
      <PartCard part="signIn" index={4}>
        <SignInPanel oauth={oauth} state={state} profile={profile} />
      </PartCard>
      <PartCard part="test" index={5}>
        <TestPanel oauth={oauth} state={state} profile={profile} />
      </PartCard>
      <PartCard part="handover" index={6}>
        <Handover state={state} />
      </PartCard>
    </>
  );
}
