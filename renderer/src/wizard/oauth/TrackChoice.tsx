/**
 * The choice at the start of a profile: the documented app password (2022) or modern authentication (OAuth 2.0).
 * For Exchange Online hosts modern auth is marked as recommended, with the reason. A choice changes the step list
 * beside the page, so it is announced.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { Track } from '@shared/oauth/state';
import type { ConnectionView } from '@shared/wizard/view';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';

export function TrackChoice(props: { connection: ConnectionView; track: Track | null; disabled?: boolean }) {
  const { t } = useTranslation('oauth');
  const name = useId();
  // The click shows at once; main's answer confirms it (or the choice falls back if saving failed).
  const [pending, setPending] = useState<Track | null>(null);
  const [changed, setChanged] = useState<Track | null>(null);
  const selected = pending ?? props.track;
  const choose = (track: Track) => {
    setPending(track);
    void wizard.chooseRoute({ profileId: props.connection.profile.id, route: track }).then(({ ok }) => {
      if (!ok) setPending(null);
      setChanged(ok ? track : null);
    });
  };
  const titleKey = (track: Track) => (track === 'modern-auth' ? 'track.modernAuth.title' : 'track.appPassword.title');
  const recommended = props.connection.recommendedRoute;
  const option = (track: Track, key: 'appPassword' | 'modernAuth') => (
    <label className={`track-option${selected === track ? ' track-option-selected' : ''}`} data-track={track}>
      <input
        type="radio"
        name={name}
        value={track}
        checked={selected === track}
        disabled={props.disabled}
        onChange={() => choose(track)}
      />
      <span className="track-option-body">
        <span className="track-option-title">
          {t(`track.${key}.title`)}
          {recommended === track && <span className="tag tag-accent">{t('track.recommended')}</span>}
        </span>
        <span className="track-option-text">{t(`track.${key}.text`)}</span>
      </span>
    </label>
  );
  return (
    <fieldset className="track-choice" data-testid="track-choice">
      <legend className="card-title">{t('track.legend')}</legend>
      <div className="track-options">
        {option('app-password', 'appPassword')}
        {option('modern-auth', 'modernAuth')}
      </div>
      <Callout tone={recommended === 'modern-auth' ? 'info' : 'neutral'} testId="track-reason">
        {t(recommended === 'modern-auth' ? 'track.whyModern' : 'track.whyAppPassword', {
          host: props.connection.profile.host,
        })}
      </Callout>
      <p className="track-choice-status" role="status" aria-live="polite" data-testid="track-choice-status">
        {changed ? t('track.listNow', { title: t(titleKey(changed)) }) : ''}
      </p>
    </fieldset>
  );
}
