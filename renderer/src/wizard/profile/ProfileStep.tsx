import { useWizardView } from '@renderer/bridge/wizard-view';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ProfileTrackChoice } from '../oauth/ProfileTrackChoice';
import { PlusIcon } from '../ui/icons';
import { Lead, Section } from '../ui/StepParts';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import { ProfileTransfer } from './ProfileTransfer';

/** Step 1: the connection (profile) — name, mailbox user, server; several profiles can be kept and switched. */
export function ProfileStep() {
  const { t } = useTranslation('wizard');
  const view = useWizardView();
  const profile = view?.active?.profile;
  const profiles = view?.connections ?? [];
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  // The connection just created: its form takes the place of the one that was submitted, and keeps the focus.
  const [justCreated, setJustCreated] = useState<string>();
  const creating = !profile || adding;
  return (
    <>
      <Lead>{t('profile.lead')}</Lead>
      <Section title={creating ? t('profile.newTitle') : t('profile.editTitle')}>
        {/* Keyed so switching profiles (or to "new") starts from that profile's values. */}
        <ProfileForm
          key={creating ? 'new' : profile.id}
          editing={creating ? undefined : profile}
          onDone={(message, created) => {
            setAdding(false);
            setNotice(message);
            setJustCreated(created);
          }}
          focusSubmit={!creating && justCreated === profile.id}
          onFocused={() => setJustCreated(undefined)}
          {...(adding ? { onCancel: () => setAdding(false) } : {})}
        />
        <p className="form-notice" role="status" aria-live="polite" data-testid="profile-message">
          {notice}
        </p>
      </Section>
      {profile && !adding && <ProfileTrackChoice key={profile.id} />}
      {profiles.length > 0 && (
        <Section title={t('profile.listTitle')}>
          <ProfileList />
          {!adding && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setAdding(true);
                setNotice('');
              }}
            >
              <PlusIcon size={16} />
              {t('profile.add')}
            </button>
          )}
        </Section>
      )}
      <ProfileTransfer />
    </>
  );
}
