import type { ImapSecurity } from '@shared/profile/profile';
import { useTranslation } from 'react-i18next';

import { Field } from './Field';

/** Implicit TLS (993) or STARTTLS (143); plain-text IMAP is never offered. */
export function SecuritySelect(props: {
  label: string;
  value: ImapSecurity;
  onChange: (value: ImapSecurity) => void;
  error?: string;
}) {
  const { t } = useTranslation('wizard');
  return (
    <Field label={props.label} {...(props.error ? { error: props.error } : {})}>
      {(ids) => (
        <select
          id={ids.id}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as ImapSecurity)}
          aria-describedby={ids.describedBy}
        >
          <option value="tls">{t('profile.securityTls')}</option>
          <option value="starttls">{t('profile.securityStarttls')}</option>
        </select>
      )}
    </Field>
  );
}
