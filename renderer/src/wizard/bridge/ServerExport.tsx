/**
 * Server mode: one file with the bridge's settings and the sealed sign-in, and the password that unlocks it (shown
 * once; it is also agorum core's E-Mail-Passwort). Then the installation, command by command.
 */
import { wizard } from '@renderer/bridge/wizard-commands';
import type { BridgeServerExport } from '@shared/ipc/channels/bridge';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { CopyValue } from '../ui/CopyValue';
import { DownloadIcon, SpinnerIcon } from '../ui/icons';
import { Section } from '../ui/StepParts';
import type { BridgeContext } from './BridgePage';
import { InstallGuide } from './InstallGuide';

type Outcome = Omit<BridgeServerExport, 'view'>;

export function ServerExport({ connection, bridge }: BridgeContext) {
  const { t } = useTranslation('bridge');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async () => {
    setBusy(true);
    const r = await wizard.exportBridgeServer({ profileId: connection.profile.id });
    setBusy(false);
    if (r.ok) {
      const { view: _view, ...rest } = r.value;
      setOutcome(rest);
    }
  };
  const passphrase = outcome?.passphrase;
  return (
    <>
      <Section title={t('server.title')} testId="bridge-server-export">
        <p>{t('server.intro')}</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !bridge || !connection.oauth?.signedIn}
            onClick={() => void run()}
            data-testid="bridge-export"
          >
            {busy ? <SpinnerIcon size={16} /> : <DownloadIcon size={16} />}
            {busy ? t('server.exporting') : t('server.export')}
          </button>
          <span className="form-notice" role="status" aria-live="polite" data-testid="bridge-export-status">
            {outcome
              ? outcome.cancelled
                ? t('server.cancelled')
                : t('server.saved', { path: outcome.path ?? '' })
              : ''}
          </span>
        </div>
        {passphrase && (
          <Callout tone="warning" title={t('server.passphraseTitle')} testId="bridge-passphrase">
            <CopyValue
              label={t('password.label')}
              display={<code data-testid="bridge-passphrase-value">{passphrase}</code>}
              source={{ text: passphrase }}
            />
            <p>{t('server.passphraseText')}</p>
          </Callout>
        )}
      </Section>
      <InstallGuide fileName={outcome && !outcome.cancelled ? outcome.fileName : 'bridge.json'} />
    </>
  );
}
