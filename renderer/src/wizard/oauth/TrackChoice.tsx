/**
 * The choice at the start of a profile: the documented app password (2022), modern authentication (OAuth 2.0) or
 * the OAuth bridge. For Exchange Online hosts the bridge is marked as recommended, with the reason. A choice changes the step list
 * beside the page, so it is announced.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { Track } from '@shared/oauth/state';
import type { ConnectionView } from '@shared/wizard/view';
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';

const ROUTES: readonly Track[] = ['app-password', 'modern-auth', 'bridge'];
const ROUTE_KEY = {
  'app-password': 'appPassword',
  'modern-auth': 'modernAuth',
  bridge: 'bridge',
} as const satisfies Record<Track, string>;
const WHY = {
  'app-password': 'track.whyAppPassword',
  'modern-auth': 'track.whyModern',
  bridge: 'track.whyBridge',
} as const satisfies Record<Track, string>;

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
  const titleKey = (track: Track) => `track.${ROUTE_KEY[track]}.title` as const;
  const recommended = props.connection.recommendedRoute;
  const option = (track: Track, key: (typeof ROUTE_KEY)[Track]) => (
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
        {ROUTES.map((track) => (
          <Fragment key={track}>{option(track, ROUTE_KEY[track])}</Fragment>
        ))}
      </div>
      <Callout tone={recommended === 'app-password' ? 'neutral' : 'info'} testId="track-reason">
        {t(WHY[recommended], {
          host: props.connection.profile.host,
        })}
      </Callout>
      <p className="track-choice-status" role="status" aria-live="polite" data-testid="track-choice-status">
        {changed ? t('track.listNow', { title: t(titleKey(changed)) }) : ''}
      </p>
    </fieldset>
  );
}
