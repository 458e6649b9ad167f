/** What the free-port check found: free, already this bridge's, or taken — by whom, and which addresses are free. */
import type { BridgePortCheck } from '@shared/bridge/host-view';
import { useTranslation } from 'react-i18next';

import { Callout } from '../ui/Callout';
import { useCodeText } from './use-code-text';

const shown = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

export function PortCheckResult({
  check,
  onUse,
}: {
  check: BridgePortCheck;
  onUse: (host: string, port: number) => void;
}) {
  const { t } = useTranslation('bridge');
  const codeText = useCodeText();
  const address = shown(check.host, check.port);
  if (check.free) {
    return (
      <Callout tone="success" role="status" testId="bridge-port-free">
        <p>{t(check.ownBridge ? 'setup.ownBridge' : 'setup.free', { address })}</p>
      </Callout>
    );
  }
  return (
    <Callout tone="warning" role="alert" title={t('setup.taken', { address })} testId="bridge-port-taken">
      {check.occupant ? (
        <p>{check.occupant.speaksImap ? t('setup.takenImap') : t('setup.takenOther')}</p>
      ) : (
        check.problem && <p>{codeText(check.problem.code)}</p>
      )}
      {check.occupant?.greeting && (
        <p className="muted">
          {t('setup.greeting')}
          <code>{check.occupant.greeting}</code>
        </p>
      )}
      {check.alternatives.length > 0 && (
        <>
          <p>{t('setup.alternativesTitle')}</p>
          <div className="form-actions" data-testid="bridge-alternatives">
            {check.alternatives.map((a) => (
              <button
                key={shown(a.host, a.port)}
                type="button"
                className="button button-small"
                onClick={() => onUse(a.host, a.port)}
              >
                {t('setup.useAlternative', { address: shown(a.host, a.port) })}
              </button>
            ))}
          </div>
          <p className="muted">{t('setup.alternativeNote')}</p>
        </>
      )}
    </Callout>
  );
}
