/**
 * The choice of route for a connection, one option per route main offers. At Exchange Online the recommended route
 * is preselected and has to be confirmed; a route that cannot work there shows what it costs and that it will fail,
 * and is taken only once the admin acknowledges that. A choice changes the step list beside the page, so it is
 * announced.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { Track } from '@shared/oauth/state';
import type { ConnectionView, RouteOption } from '@shared/wizard/view';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';

export function TrackChoice(props: { connection: ConnectionView; track: Track | null; disabled?: boolean }) {
  // Route names come as `oauth:` keys from main; the namespace list lets `t` take them.
  const { t } = useTranslation(['oauth', 'common']);
  const name = useId();
  const { routes, routeAdvice, profile } = props.connection;
  const recommended = routes.find((r) => r.recommended);
  // The click shows at once; main's answer confirms it (or the choice falls back if saving failed).
  const [pending, setPending] = useState<Track | null>(null);
  // A route whose cost must be read first: selected on screen, not yet taken.
  const [reading, setReading] = useState<Track | null>(null);
  const [changed, setChanged] = useState<Track | null>(null);
  const preselected = routeAdvice.choiceRequired ? (recommended?.id ?? null) : null;
  const selected = reading ?? pending ?? props.track ?? preselected;
  const warned = routes.find((r) => r.id === (reading ?? props.track) && r.warning === 'required');

  const take = (track: Track, acknowledgeWarning?: boolean) => {
    setPending(track);
    setReading(null);
    void wizard
      .chooseRoute({ profileId: profile.id, route: track, ...(acknowledgeWarning ? { acknowledgeWarning } : {}) })
      .then(({ ok }) => {
        if (!ok) setPending(null);
        setChanged(ok ? track : null);
      });
  };
  const select = (option: RouteOption) => {
    if (option.warning === 'required') setReading(option.id);
    else take(option.id);
  };
  const titleOf = (id: Track) => t(routes.find((r) => r.id === id)?.title ?? 'oauth:track.legend');

  return (
    <fieldset className="track-choice" data-testid="track-choice">
      <legend className="card-title">{t('track.legend')}</legend>
      {preselected && props.track === null && (
        <p className="track-choice-preselected" data-testid="track-preselected">
          {t('track.preselected', { host: profile.host })}
        </p>
      )}
      <div className="track-options">
        {routes.map((option) => (
          <label
            key={option.id}
            className={`track-option${selected === option.id ? ' track-option-selected' : ''}`}
            data-track={option.id}
          >
            <input
              type="radio"
              name={name}
              value={option.id}
              checked={selected === option.id}
              disabled={props.disabled}
              onChange={() => select(option)}
            />
            <span className="track-option-body">
              <span className="track-option-title">
                {t(option.title)}
                {option.recommended && <span className="pill tag tag-accent">{t('track.recommended')}</span>}
              </span>
              <span className="track-option-text">{t(option.summary)}</span>
            </span>
          </label>
        ))}
      </div>
      {warned && (
        <Callout
          tone="warning"
          title={t('track.warning.title', { host: profile.host })}
          testId="route-warning"
          className="route-warning"
        >
          <p>{t('track.warning.cost')}</p>
          <p>{t('track.warning.fails')}</p>
          <div className="route-warning-actions">
            <button type="button" className="button" onClick={() => take(warned.id, true)}>
              {t('track.warning.accept')}
            </button>
            {recommended && recommended.id !== warned.id && (
              <button type="button" className="button button-primary" onClick={() => take(recommended.id)}>
                {t('track.warning.back')}
              </button>
            )}
          </div>
        </Callout>
      )}
      {preselected && props.track === null && !reading && (
        <button
          type="button"
          className="button button-primary"
          onClick={() => take(preselected)}
          data-testid="track-take"
        >
          {t('track.take', { title: titleOf(preselected) })}
        </button>
      )}
      <Callout tone={recommended?.id === 'app-password' ? 'neutral' : 'info'} testId="track-reason">
        {routeAdvice.exchangeOnline
          ? t(recommended?.id === 'bridge' ? 'track.whyBridge' : 'track.whyModern', { host: profile.host })
          : t('track.whyAppPassword', { host: profile.host })}
      </Callout>
      <p className="track-choice-status" role="status" aria-live="polite" data-testid="track-choice-status">
        {changed ? t('track.listNow', { title: titleOf(changed) }) : ''}
      </p>
    </fieldset>
  );
}
