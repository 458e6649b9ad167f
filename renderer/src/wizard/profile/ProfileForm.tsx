/**
 * Create or edit a connection: name, mailbox user, and the server — filled in by provider discovery from the
 * address (MX → Microsoft 365 → outlook.office365.com:993) and editable under "Server (advanced)".
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { Profile } from '@shared/profile/profile';
import { DEFAULT_IMAP_HOST, DEFAULT_IMAP_PORT, validateProfileFields } from '@shared/profile/profile';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../state/navigation';
import { Callout } from '../ui/Callout';
import { Field, TextField } from '../ui/Field';
import { SearchIcon, SpinnerIcon } from '../ui/icons';
import { SecuritySelect } from '../ui/SecuritySelect';
import { useDiscovery } from './use-discovery';

interface FormValues {
  displayName: string;
  mailboxUser: string;
  host: string;
  port: string;
  security: 'tls' | 'starttls';
}

const fromProfile = (p: Profile | undefined): FormValues => ({
  displayName: p?.displayName ?? '',
  mailboxUser: p?.mailboxUser ?? '',
  host: p?.host ?? DEFAULT_IMAP_HOST,
  port: String(p?.port ?? DEFAULT_IMAP_PORT),
  security: p?.security ?? 'tls',
});

export function ProfileForm(props: {
  editing: Profile | undefined;
  /** `created`: the id of the connection this form just made. */
  onDone: (message: string, created?: string) => void;
  onCancel?: () => void;
  /** Focus the submit button once shown (the form replaced the one whose button had focus), then `onFocused`. */
  focusSubmit?: boolean;
  onFocused?: () => void;
}) {
  const { t, i18n } = useTranslation('wizard');
  const language = i18n.language === 'en' ? 'en' : 'de';
  const { step } = useNavigation();
  const [values, setValues] = useState<FormValues>(() => fromProfile(props.editing));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [serverOpen, setServerOpen] = useState(false);
  const discovery = useDiscovery();
  const submitRef = useRef<HTMLButtonElement>(null);
  const { focusSubmit, onFocused } = props;
  useEffect(() => {
    if (!focusSubmit) return;
    submitRef.current?.focus();
    onFocused?.();
  }, [focusSubmit, onFocused]);

  const set = (field: keyof FormValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: '' }));
    setMessage('');
  };

  const discover = async () => {
    const result = await discovery.run(values.mailboxUser);
    const suggestion = result?.suggestion;
    if (suggestion) {
      setValues((v) => ({ ...v, host: suggestion.host, port: String(suggestion.port), security: suggestion.security }));
    } else if (result?.provider === 'other') {
      setServerOpen(true);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const draft = {
      displayName: values.displayName,
      mailboxUser: values.mailboxUser,
      host: values.host,
      port: Number(values.port),
      security: values.security,
    };
    const problems = validateProfileFields(draft, language);
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
      if (problems.some((p) => ['host', 'port', 'security'].includes(p.field))) setServerOpen(true);
      return;
    }
    // A new connection starts on the step on screen, so the next start resumes here.
    const r = props.editing
      ? await wizard.updateConnection({ profileId: props.editing.id, patch: draft }, { quiet: true })
      : await wizard.createConnection({ draft, stepId: step }, { quiet: true });
    if (!r.ok) {
      setMessage(r.error.message);
      return;
    }
    const created = props.editing ? undefined : r.value.active?.profile;
    if (!created) return props.onDone(t('profile.saved'));
    props.onDone(t('profile.created', { name: created.displayName }), created.id);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="profile-form">
      <TextField
        label={t('profile.name')}
        hint={t('profile.nameHint')}
        error={errors.displayName}
        value={values.displayName}
        onChange={(v) => set('displayName', v)}
        maxLength={80}
      />
      <Field label={t('profile.user')} hint={t('profile.userHint')} error={errors.mailboxUser}>
        {(ids) => (
          <div className="input-with-button">
            <input
              id={ids.id}
              type="email"
              value={values.mailboxUser}
              onChange={(e) => set('mailboxUser', e.target.value)}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
              autoComplete="off"
              spellCheck={false}
            />
            <button
              type="button"
              className="button"
              onClick={() => void discover()}
              disabled={!values.mailboxUser.includes('@') || discovery.state.kind === 'running'}
            >
              {discovery.state.kind === 'running' ? <SpinnerIcon size={16} /> : <SearchIcon size={16} />}
              {t('profile.discover')}
            </button>
          </div>
        )}
      </Field>
      <div role="status" aria-live="polite" className="discovery-status">
        {discovery.state.kind === 'running' && (
          <p className="muted">{t('profile.discovery.running', { domain: discovery.state.domain })}</p>
        )}
        {discovery.state.kind === 'done' && (
          <Callout tone={discovery.state.tone} title={discovery.state.title} testId="discovery-result">
            <p>{discovery.state.text}</p>
          </Callout>
        )}
      </div>
      <details className="disclosure" open={serverOpen} onToggle={(e) => setServerOpen(e.currentTarget.open)}>
        <summary>{t('profile.server')}</summary>
        <div className="field-row">
          <TextField
            label={t('profile.host')}
            error={errors.host}
            className="field-grow"
            value={values.host}
            onChange={(v) => set('host', v)}
            spellCheck={false}
          />
          <TextField
            label={t('profile.port')}
            error={errors.port}
            className="field-port"
            value={values.port}
            onChange={(v) => set('port', v)}
            inputMode="numeric"
          />
          <SecuritySelect
            label={t('profile.security')}
            value={values.security}
            onChange={(v) => set('security', v)}
            {...(errors.security ? { error: errors.security } : {})}
          />
        </div>
      </details>
      <div className="form-actions">
        <button type="submit" className="button button-primary" ref={submitRef}>
          {props.editing ? t('profile.save') : t('profile.create')}
        </button>
        {props.onCancel && (
          <button type="button" className="button button-subtle" onClick={props.onCancel}>
            {t('profile.cancel')}
          </button>
        )}
        {message && <span className="form-message form-message-error">{message}</span>}
      </div>
    </form>
  );
}
