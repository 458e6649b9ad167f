/**
 * "Done" for a Microsoft-side part of the registration (register, platform, permissions). Kept in the profile's
 * wizard progress like every step confirmation, under the part's own id; the registration step is done when all
 * three are (main/shared/wizard/step-status.ts).
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import { formatDateTime } from '@shared/text/format';
import type { RegistrationPartId } from '@shared/wizard/tracks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useActive, useStatus } from '../state/view-lookup';
import { CheckCircleIcon, CheckIcon, UndoIcon } from '../ui/icons';

function usePartDone(id: RegistrationPartId): string | null {
  const view = useStatus(id);
  return view.status === 'done' ? (view.at ?? '') : null;
}

export function PartDone({ id }: { id: RegistrationPartId }) {
  const { t, i18n } = useTranslation('oauth');
  const profileId = useActive()?.profile.id;
  const [busy, setBusy] = useState(false);
  const doneAt = usePartDone(id);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const change = async (action: 'confirm' | 'undo') => {
    if (!profileId) return;
    setBusy(true);
    await (action === 'confirm' ? wizard.confirmStep : wizard.undoStep)({ profileId, stepId: id });
    setBusy(false);
  };
  return (
    <div className={`part-done${doneAt !== null ? ' part-done-done' : ''}`} data-testid={`part-done-${id}`}>
      {doneAt !== null ? (
        <>
          <CheckCircleIcon size={18} />
          <span>{t('done.doneAt', { date: doneAt ? formatDateTime(doneAt, lang) : '' })}</span>
          <button
            type="button"
            className="button button-subtle button-small"
            disabled={busy}
            onClick={() => void change('undo')}
          >
            <UndoIcon size={16} />
            {t('done.undo')}
          </button>
        </>
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => void change('confirm')}>
          <CheckIcon size={16} />
          {t('done.confirm')}
        </button>
      )}
    </div>
  );
}
