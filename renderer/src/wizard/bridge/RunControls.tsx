/** Start and stop the bridge on this computer, with why a start failed. */
import { wizard } from '@renderer/bridge/wizard-commands';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { PlugIcon, SpinnerIcon } from '../ui/icons';
import { Section } from '../ui/StepParts';
import type { BridgeContext } from './BridgePage';
import { BridgeStateBadge } from './BridgeStateBadge';
import { useCodeText } from './use-code-text';

export function RunControls({ connection, bridge }: BridgeContext) {
  const { t } = useTranslation('bridge');
  const codeText = useCodeText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!bridge) return null;
  const running = bridge.state !== 'stopped' && bridge.state !== 'start-failed';
  const toggle = async () => {
    setBusy(true);
    setError(null);
    const profileId = connection.profile.id;
    const r = await (running ? wizard.stopBridge({ profileId }) : wizard.startBridge({ profileId }, { quiet: true }));
    setBusy(false);
    if (!r.ok) setError(codeText(r.error.code));
  };
  return (
    <Section title={t('setup.runTitle')} testId="bridge-run">
      <div className="form-actions">
        <BridgeStateBadge state={bridge.state} />
        <button
          type="button"
          className={running ? 'button' : 'button button-primary'}
          disabled={busy || (!running && !bridge.settings.passwordSet)}
          onClick={() => void toggle()}
          data-testid={running ? 'bridge-stop' : 'bridge-start'}
        >
          {busy ? <SpinnerIcon size={16} /> : <PlugIcon size={16} />}
          {running ? t('setup.stop') : t('setup.start')}
        </button>
      </div>
      {!bridge.settings.passwordSet && <p className="muted">{t('password.none')}</p>}
      {(error || bridge.startProblem) && (
        <Callout tone="error" role="alert" title={t('setup.startFailed')} testId="bridge-start-problem">
          <p>{error ?? codeText(bridge.startProblem!.code)}</p>
          {bridge.startProblem?.alternatives.length ? (
            <p>
              {t('setup.alternativesTitle')}{' '}
              {bridge.startProblem.alternatives.map((a) => `${a.host}:${a.port}`).join(', ')}
            </p>
          ) : null}
        </Callout>
      )}
    </Section>
  );
}
