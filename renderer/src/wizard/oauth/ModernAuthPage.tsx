/**
 * The frame of every modern-auth step: its purpose line, then the step's content once the profile's modern-auth
 * state is there. Keyed by profile, so nothing a page holds (a sign-in error, a test result) carries over.
 */
import './oauth.css';

import type { OAuthState } from '@shared/oauth/state';
import type { Profile } from '@shared/profile/profile';
import type { KeyIn } from '@shared/text/keys';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useActive } from '../state/view-lookup';
import { NeedsProfile } from '../ui/NeedsProfile';
import { Lead } from '../ui/StepParts';
import { type OAuthController, useOAuth } from './use-oauth';

export interface ModernAuthContext {
  profile: Profile;
  oauth: OAuthController;
  state: OAuthState;
}

type Render = (ctx: ModernAuthContext) => ReactNode;

function Loaded({ profile, render }: { profile: Profile; render: Render }) {
  const oauth = useOAuth(profile.id);
  return oauth.state ? <>{render({ profile, oauth, state: oauth.state })}</> : null;
}

export function ModernAuthPage({ leadKey, render }: { leadKey: KeyIn<'oauth'>; render: Render }) {
  const { t } = useTranslation('oauth');
  const profile = useActive()?.profile;
  return (
    <>
      <Lead>{t(leadKey)}</Lead>
      {profile ? (
        <Loaded key={profile.id} profile={profile} render={render} />
      ) : (
        <NeedsProfile textKey="oauth:track.needsProfile" />
      )}
    </>
  );
}
