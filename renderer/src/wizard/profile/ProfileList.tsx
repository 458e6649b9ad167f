/** All connections: switch to one, rename it in place, or delete it (after a confirmation dialog). */
import { wizard } from '@renderer/bridge/wizard-commands';
import { useWizardView } from '@renderer/bridge/wizard-view';
import { profileFieldMessage } from '@shared/profile/field-messages';
import type { Profile } from '@shared/profile/profile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { CheckIcon, MailIcon, PencilIcon, TrashIcon } from '../ui/icons';

function RenameForm({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const { t, i18n } = useTranslation('wizard');
  const language = i18n.language === 'en' ? 'en' : 'de';
  const [name, setName] = useState(profile.displayName);
  const [error, setError] = useState('');
  const save = async () => {
    const r = await wizard.renameConnection({ profileId: profile.id, displayName: name }, { quiet: true });
    if (r.ok) onDone();
    else
      setError(
        r.error.code === 'INPUT_INVALID' ? profileFieldMessage('displayName.required', language) : r.error.message,
      );
  };
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('profile.renameLabel', { name: profile.displayName })} error={error}>
        {(ids) => (
          <input
            id={ids.id}
            type="text"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && onDone()}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            autoFocus
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small">
          <CheckIcon size={16} />
          {t('profile.renameSave')}
        </button>
        <button type="button" className="button button-subtle button-small" onClick={onDone}>
          {t('profile.cancel')}
        </button>
      </div>
    </form>
  );
}

export function ProfileList() {
  const { t } = useTranslation('wizard');
  const view = useWizardView();
  const profiles = view?.connections ?? [];
  const active = view?.active?.profile;
  const { openConnection } = useNavigation();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);

  return (
    <>
      <ul className="profile-list" data-testid="profile-list">
        {profiles.map((p) => {
          const isActive = p.id === active?.id;
          return (
            <li key={p.id} className={`profile-item${isActive ? ' profile-item-active' : ''}`}>
              <MailIcon className="profile-item-icon" />
              <div className="profile-item-main">
                {renaming === p.id ? (
                  <RenameForm profile={p} onDone={() => setRenaming(null)} />
                ) : (
                  <>
                    <span className="profile-item-name">{p.displayName}</span>
                    <span className="profile-item-meta">
                      {p.mailboxUser || '—'} · {p.host}:{p.port}
                    </span>
                  </>
                )}
              </div>
              {renaming !== p.id && (
                <div className="profile-item-actions">
                  {isActive ? (
                    <span className="pill tag tag-accent">{t('profile.active')}</span>
                  ) : (
                    <button type="button" className="button button-small" onClick={() => void openConnection(p.id)}>
                      {t('profile.switch')}
                    </button>
                  )}
                  <button type="button" className="button button-subtle button-small" onClick={() => setRenaming(p.id)}>
                    <PencilIcon size={16} />
                    {t('profile.rename')}
                  </button>
                  <button
                    type="button"
                    className="button button-subtle button-small button-danger"
                    onClick={() => setDeleting(p)}
                  >
                    <TrashIcon size={16} />
                    {t('profile.delete')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <Dialog
        open={deleting !== null}
        title={t('profile.deleteTitle')}
        onClose={() => setDeleting(null)}
        testId="delete-dialog"
        actions={
          <>
            <button type="button" className="button" onClick={() => setDeleting(null)}>
              {t('profile.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger-solid"
              onClick={() => {
                const target = deleting;
                setDeleting(null);
                if (target) void wizard.deleteConnection({ profileId: target.id });
              }}
            >
              <TrashIcon size={16} />
              {t('profile.deleteConfirm')}
            </button>
          </>
        }
      >
        <p>{deleting ? t('profile.deleteText', { name: deleting.displayName }) : ''}</p>
      </Dialog>
    </>
  );
}
