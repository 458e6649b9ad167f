/**
 * Where agorum core runs decides what the assistant does with the bridge: run it here, or hand a server what it
 * needs. The choice is saved with the connection's bridge (and creates it on first use).
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import { AGORUM_PLACES, type AgorumPlace } from '@shared/bridge/host-settings';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { GoToStep } from '../ui/GoToStep';
import { Section } from '../ui/StepParts';
import { type BridgeContext, BridgePage } from './BridgePage';

const PLACE_KEY = { 'this-computer': 'thisComputer', server: 'server' } as const satisfies Record<AgorumPlace, string>;

function PlaceChoice({ connection, bridge }: BridgeContext) {
  const { t } = useTranslation('bridge');
  const name = useId();
  const [pending, setPending] = useState<AgorumPlace | null>(null);
  const [saved, setSaved] = useState<AgorumPlace | null>(null);
  const selected = pending ?? bridge?.settings.agorumRuns ?? null;
  const choose = (place: AgorumPlace) => {
    setPending(place);
    void wizard.configureBridge({ profileId: connection.profile.id, setup: { agorumRuns: place } }).then(({ ok }) => {
      setPending(null);
      setSaved(ok ? place : null);
    });
  };
  return (
    <Section>
      {connection.oauth && !connection.oauth.signedIn && (
        <Callout tone="info" testId="bridge-needs-signin">
          <p>{t('place.needsSignIn')}</p>
          <GoToStep step="oauthSignIn" label={t('place.toSignIn')} />
        </Callout>
      )}
      <fieldset className="track-choice" data-testid="bridge-place">
        <legend className="card-title">{t('place.legend')}</legend>
        <div className="track-options">
          {AGORUM_PLACES.map((place) => (
            <label
              key={place}
              className={`track-option${selected === place ? ' track-option-selected' : ''}`}
              data-place={place}
            >
              <input
                type="radio"
                name={name}
                value={place}
                checked={selected === place}
                onChange={() => choose(place)}
              />
              <span className="track-option-body">
                <span className="track-option-title">{t(`place.${PLACE_KEY[place]}.title`)}</span>
                <span className="track-option-text">{t(`place.${PLACE_KEY[place]}.text`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="form-notice" role="status" aria-live="polite" data-testid="bridge-place-status">
        {saved ? t('place.saved', { title: t(`place.${PLACE_KEY[saved]}.title`) }) : ''}
      </p>
    </Section>
  );
}

export function PlaceStep() {
  return <BridgePage leadKey="place.lead" render={(ctx) => <PlaceChoice {...ctx} />} />;
}
