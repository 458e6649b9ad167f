/**
 * The "Done" confirmation of a step: one button that records the moment (in the store, per profile), and once
 * done, the date with an Undo. Confirmation times matter: the connection test weighs how long ago the security
 * defaults were switched off.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import { formatDateTime } from '@shared/text/format';
import { useState } from 'react';

import { type UiKey, useUiText } from '../../i18n/keys';
import { useActive, useStatus } from '../state/view-lookup';
import type { StepId } from '../steps';
import { GoToStep } from './GoToStep';
import { CheckCircleIcon, CheckIcon, UndoIcon, WarningIcon } from './icons';

/**
 * `auto`: the step confirms itself when its test succeeds; the manual button then stays secondary so it does not
 * compete with the step's own action.
 */
export function DoneBar({ stepId, hintKey, auto = false }: { stepId: StepId; hintKey?: UiKey; auto?: boolean }) {
  const { t, i18n } = useUiText();
  const profile = useActive()?.profile;
  const [busy, setBusy] = useState(false);
  const view = useStatus(stepId);
  const lang = i18n.language === 'en' ? 'en' : 'de';

  if (!profile) {
    return (
      <section className="done-bar done-bar-disabled" aria-label={t('done.region')}>
        <p>{t('done.needsProfile')}</p>
        <GoToStep step="profile" label={t('done.toProfile')} />
      </section>
    );
  }

  const run = async (action: 'confirm' | 'undo') => {
    setBusy(true);
    const change = action === 'confirm' ? wizard.confirmStep : wizard.undoStep;
    await change({ profileId: profile.id, stepId });
    setBusy(false);
  };

  if (view.status === 'done' || (view.status === 'attention' && view.at)) {
    const attention = view.status === 'attention';
    return (
      <section
        className={`done-bar ${attention ? 'done-bar-attention' : 'done-bar-done'}`}
        aria-label={t('done.region')}
        data-testid="done-bar"
      >
        {attention ? <WarningIcon className="done-bar-icon" /> : <CheckCircleIcon className="done-bar-icon" />}
        <p data-testid="done-state">
          <strong>{attention ? t('done.attentionTitle') : t('done.doneTitle')}</strong>{' '}
          {view.at ? t('done.confirmedAt', { date: formatDateTime(view.at, lang) }) : ''}
          {attention && <span className="done-bar-sub">{t('done.attentionText')}</span>}
        </p>
        <div className="done-bar-actions">
          {attention && (
            <button type="button" className="button" disabled={busy} onClick={() => void run('confirm')}>
              <CheckIcon size={16} />
              {t('done.confirmAgain')}
            </button>
          )}
          <button type="button" className="button button-subtle" disabled={busy} onClick={() => void run('undo')}>
            <UndoIcon size={16} />
            {t('done.undo')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="done-bar" aria-label={t('done.region')} data-testid="done-bar">
      <p>
        <strong>{t('done.question')}</strong>{' '}
        <span className="done-bar-sub">{t(hintKey ?? (auto ? 'done.autoHint' : 'done.hint'))}</span>
      </p>
      <div className="done-bar-actions">
        <button
          type="button"
          className={auto ? 'button' : 'button button-primary'}
          disabled={busy}
          onClick={() => void run('confirm')}
        >
          <CheckIcon size={16} />
          {t('done.confirm')}
        </button>
      </div>
    </section>
  );
}
