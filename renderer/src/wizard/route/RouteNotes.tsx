/**
 * What main's route advice asks to show on the step on screen: the note that a password route cannot work at
 * Exchange Online (on that route's Microsoft steps), and the offer to undo what it changed in the tenant.
 */
import './route.css';

import { wizard } from '@renderer/bridge/wizard-commands';
import { useWizardView } from '@renderer/bridge/wizard-view';
import { formatDateTime } from '@shared/text/format';
import type { WizardStepId } from '@shared/wizard/steps';
import { TRACK_CHOICE_STEP } from '@shared/wizard/tracks';
import type { ConnectionView } from '@shared/wizard/view';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { Callout } from '../ui/Callout';
import { RichText } from '../ui/RichText';

function ExchangeNote({ connection }: { connection: ConnectionView }) {
  const { t } = useTranslation('wizard');
  const { goTo } = useNavigation();
  return (
    <Callout tone="warning" title={t('exchangeNote.title')} testId="exchange-note">
      <p>{t('exchangeNote.text', { host: connection.profile.host })}</p>
      <button type="button" className="button button-small" onClick={() => goTo(TRACK_CHOICE_STEP)}>
        {t('exchangeNote.action')}
      </button>
    </Callout>
  );
}

export function UndoOffer({ connection }: { connection: ConnectionView }) {
  const { t, i18n } = useTranslation('oauth');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const undo = connection.routeAdvice.undo;
  if (!undo) return null;
  const profileId = connection.profile.id;
  const reset = (stepId: WizardStepId) => void wizard.undoStep({ profileId, stepId });
  return (
    <Callout tone="warning" title={t('undo.title')} testId="undo-offer" className="undo-offer">
      <p>{t('undo.lead')}</p>
      <ul className="undo-list">
        {undo.securityDefaultsOffAt && (
          <li data-testid="undo-security-defaults">
            <RichText
              k="oauth:undo.securityDefaults"
              values={{ date: formatDateTime(undo.securityDefaultsOffAt, lang) }}
            />
            <button type="button" className="button button-small" onClick={() => reset('securityDefaults')}>
              {t('undo.securityDefaultsDone')}
            </button>
          </li>
        )}
        {undo.perUserMfaAt && (
          <li data-testid="undo-per-user-mfa">
            <RichText
              k="oauth:undo.perUserMfa"
              values={{ date: formatDateTime(undo.perUserMfaAt, lang), user: connection.profile.mailboxUser }}
            />
            <button type="button" className="button button-small" onClick={() => reset('perUserMfa')}>
              {t('undo.perUserMfaDone')}
            </button>
          </li>
        )}
      </ul>
    </Callout>
  );
}

export function RouteNotes({ step }: { step: WizardStepId }) {
  const connection = useWizardView()?.active;
  if (!connection) return null;
  const { noteSteps, undoOn } = connection.routeAdvice;
  return (
    <>
      {noteSteps.includes(step) && <ExchangeNote connection={connection} />}
      {/* The refused test shows it under its verdict. */}
      {undoOn.includes(step) && step !== 'test' && <UndoOffer connection={connection} />}
    </>
  );
}
