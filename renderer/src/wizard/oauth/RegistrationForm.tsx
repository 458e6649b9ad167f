/** Mounted per profile (the track component is keyed by it), so it starts from what main holds. Tenant and client ID (validated as in main: GUIDs, or a verified domain for the tenant) and the sign-in mode. */
import type { SignInMode } from '@shared/oauth/constants';
import { registrationProblems } from '@shared/oauth/registration';
import type { OAuthState } from '@shared/oauth/state';
import { profileFieldMessage } from '@shared/profile/field-messages';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { TextField } from '../ui/Field';
import { Illustration } from '../ui/Illustration';
import { RichText } from '../ui/RichText';
import { StepFacts } from '../ui/StepParts';
import type { OAuthController } from './use-oauth';

/** One ID input: monospace, no autocomplete or spell check (GUIDs and domains are not words). */
function IdField(props: {
  labelKey: 'ids.clientId' | 'ids.tenant';
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation('oauth');
  return (
    <TextField
      mono
      spellCheck={false}
      label={t(props.labelKey)}
      hint={t(`${props.labelKey}Hint`)}
      error={props.error}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

export function RegistrationForm({ oauth, state }: { oauth: OAuthController; state: OAuthState }) {
  const { t, i18n } = useTranslation('oauth');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [tenant, setTenant] = useState(state.registration?.tenant ?? '');
  const [clientId, setClientId] = useState(state.registration?.clientId ?? '');
  const [mode, setMode] = useState<SignInMode>(state.registration?.mode ?? 'system-browser');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const local = registrationProblems({ tenant, clientId, mode });
    const issues = local.length ? local : (await oauth.saveRegistration({ tenant, clientId, mode })).issues;
    setErrors(Object.fromEntries(issues.map((i) => [i.field, profileFieldMessage(i.code, lang)])));
    setSaved(issues.length === 0);
  };

  return (
    <form className="form oauth-ids-form" onSubmit={(e) => void submit(e)} noValidate data-testid="oauth-ids-form">
      <StepFacts identity="admin" whereKey="oauth:ids.where" />
      <p>
        <RichText k="oauth:ids.intro" />
      </p>
      <Illustration name="oauth-ids" texts="oauth:ids.figure" />
      <IdField labelKey="ids.clientId" value={clientId} onChange={setClientId} error={errors.clientId} />
      <IdField labelKey="ids.tenant" value={tenant} onChange={setTenant} error={errors.tenant} />
      <fieldset className="oauth-mode">
        <legend className="field-label">{t('ids.mode')}</legend>
        <label>
          <input
            type="radio"
            name="oauth-mode"
            checked={mode === 'system-browser'}
            onChange={() => setMode('system-browser')}
          />
          {t('ids.modeSystem')}
        </label>
        <label>
          <input
            type="radio"
            name="oauth-mode"
            checked={mode === 'embedded'}
            disabled={!state.embeddedAvailable}
            onChange={() => setMode('embedded')}
          />
          {t('ids.modeEmbedded')}
          {!state.embeddedAvailable && <span className="muted"> ({t('ids.modeEmbeddedUnavailable')})</span>}
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={oauth.busy === 'save'}>
          {t('ids.save')}
        </button>
        <span role="status" aria-live="polite" className="muted">
          {saved ? t('ids.saved') : ''}
        </span>
      </div>
    </form>
  );
}
