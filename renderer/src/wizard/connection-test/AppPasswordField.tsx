/**
 * The app-password field: masked, with Show/Hide, and a chip that says where the saved password lives
 * (keychain, this session only, or nowhere yet). The renderer never gets a saved password back; with one saved,
 * the field stays empty and says the saved one is used — pasting a new one replaces it on the next test.
 */
import type { SecretStatus } from '@shared/profile/secrets';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Field } from '../ui/Field';
import { EyeIcon, EyeOffIcon, LockIcon } from '../ui/icons';
import { pillClass, type PillTone } from '../ui/pill';

const TONE = { keychain: 'ok', session: 'warn', none: null } as const satisfies Record<string, PillTone>;

export function SecretChip({ status }: { status: SecretStatus | undefined }) {
  const { t } = useTranslation('wizard');
  if (!status) return null;
  const state = status.saved ? (status.storage === 'session' ? 'session' : 'keychain') : 'none';
  return (
    <span className={pillClass('secret-chip', TONE[state])} data-testid="secret-state" data-state={state}>
      {state !== 'none' && <LockIcon size={14} />}
      {t(`test.secret.${state}`)}
    </span>
  );
}

export function AppPasswordField(props: {
  value: string;
  onChange: (value: string) => void;
  status: SecretStatus | undefined;
  error?: string;
}) {
  const { t } = useTranslation('wizard');
  const [visible, setVisible] = useState(false);
  const saved = props.status?.saved === true;
  return (
    <Field
      label={t('test.password')}
      aside={<SecretChip status={props.status} />}
      hint={saved ? t('test.secret.replaceHint') : undefined}
      {...(props.error ? { error: props.error } : {})}
    >
      {(ids) => (
        <div className="input-with-button">
          <input
            id={ids.id}
            type={visible ? 'text' : 'password'}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            placeholder={saved ? t('test.secret.savedPlaceholder') : ''}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            autoComplete="off"
            spellCheck={false}
            data-testid="app-password-input"
          />
          <button type="button" className="button" aria-pressed={visible} onClick={() => setVisible((v) => !v)}>
            {visible ? <EyeOffIcon size={18} /> : <EyeIcon size={18} />}
            {visible ? t('test.hide') : t('test.show')}
          </button>
        </div>
      )}
    </Field>
  );
}
