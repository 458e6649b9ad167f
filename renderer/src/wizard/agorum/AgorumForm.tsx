/**
 * agorum's form as the admin fills it in: every field of agorum's page in its order (main/shared/agorum/form.ts),
 * each with a value to copy, the secret main copies from the keychain, or an explicit "leave as is". The agorum
 * step and the hand-over show it; the setup report prints the same data.
 */
import { type AgorumField, agorumForm, type AgorumRoute } from '@shared/agorum/form';
import type { ConnectionView } from '@shared/wizard/view';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { CopyValue } from '../ui/CopyValue';
import { Section } from '../ui/StepParts';

/** The bridge's local password as its screens can copy it (main holds it only in the session that made it). */
export interface BridgePasswordSource {
  copyable: boolean;
  copy: () => Promise<{ clearsAt?: string } | null>;
  /** Why it can or cannot be copied now. */
  note: string;
}

function FieldRow(props: { field: AgorumField; connection: ConnectionView; bridgePassword?: BridgePasswordSource }) {
  const { field, connection, bridgePassword } = props;
  const { t } = useTranslation(['agorum', 'wizard']);
  const note = field.note ? t(field.note.key, field.note.values ?? {}) : undefined;
  const testId = `agorum-field-${field.id}`;
  const { entry } = field;
  if (entry.kind === 'value')
    return (
      <CopyValue
        label={field.label}
        display={<code>{entry.value}</code>}
        source={{ text: entry.value }}
        note={note}
        testId={testId}
      />
    );
  if (entry.kind === 'secret' && entry.secret === 'bridge-password' && bridgePassword) {
    return (
      <CopyValue
        label={field.label}
        display={<code aria-hidden="true">••••••••••••••••••••••••</code>}
        source={{ copy: bridgePassword.copy }}
        disabled={!bridgePassword.copyable}
        note={
          <>
            {note} {bridgePassword.note}
          </>
        }
        testId={testId}
      />
    );
  }
  if (entry.kind === 'secret') {
    // The bridge password is the bridge's; its screens supply the secret. Here only the app password is copied.
    const saved = entry.secret === 'app-password' && connection.appPassword?.saved === true;
    return (
      <CopyValue
        label={field.label}
        display={
          saved ? (
            <code aria-hidden="true">••••••••••••••••</code>
          ) : (
            <span className="muted">{t('wizard:agorum.noSecret')}</span>
          )
        }
        source={{ secretOf: connection.profile.id }}
        disabled={!saved}
        note={note}
        testId={testId}
      />
    );
  }
  return (
    <div className="copy-value" data-testid={testId} data-entry={entry.kind}>
      <span className="copy-value-label">{field.label}</span>
      <span className="copy-value-display copy-value-keep">
        <em>{t(entry.kind === 'keep' ? 'keep' : 'none')}</em>
      </span>
      {note && <span className="copy-value-note">{note}</span>}
    </div>
  );
}

export function AgorumForm({
  connection,
  route,
  bridgePassword,
}: {
  connection: ConnectionView;
  route: AgorumRoute;
  bridgePassword?: BridgePasswordSource;
}) {
  const { t } = useTranslation('agorum');
  const p = connection.profile;
  const fields = agorumForm(
    { name: p.displayName, host: p.host, port: p.port, security: p.security, user: p.mailboxUser ?? '' },
    route,
  );
  return (
    <Section title={t('formTitle')} testId="agorum-form">
      <p className="muted">{t('formIntro')}</p>
      <div className="copy-values">
        {fields.map((f) => (
          <FieldRow key={f.id} field={f} connection={connection} {...(bridgePassword ? { bridgePassword } : {})} />
        ))}
      </div>
      {/* On the bridge route agorum core reaches the bridge, not the mailbox's server: that check does not apply. */}
      {route.route !== 'bridge' && (
        <Callout tone="info" testId="agorum-from-here">
          <p>
            <strong>{t('fromHere.title')}.</strong> {t('fromHere.text', { port: p.port })}
          </p>
        </Callout>
      )}
    </Section>
  );
}
