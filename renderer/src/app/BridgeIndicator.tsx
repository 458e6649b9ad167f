/**
 * The header's compact bridge indicator: the worst state across the connections' bridges; it leads to the bridge
 * of the connection concerned. Hidden while no connection has a bridge.
 */
import { useTranslation } from 'react-i18next';

import { useWizardView } from '../bridge/wizard-view';
import { BridgeStateBadge } from '../wizard/bridge/BridgeStateBadge';
import { useNavigation } from '../wizard/state/navigation';

export function BridgeIndicator() {
  const { t } = useTranslation('bridge');
  const bridges = useWizardView()?.bridges;
  const { openConnection, goTo } = useNavigation();
  const worst = bridges?.entries[0];
  if (!bridges || bridges.summary === 'none' || !worst) return null;
  const state = t(`status.state.${bridges.summary}`);
  const label = bridges.entries.length > 1 ? t('header.labelMany', { state }) : t('header.label', { state });
  const show = async () => {
    await openConnection(worst.profileId);
    goTo('bridgeTest');
  };
  return (
    <button
      type="button"
      className="button button-subtle header-bridge"
      aria-label={label}
      title={`${worst.displayName} · ${worst.address}`}
      onClick={() => void show()}
      data-testid="header-bridge"
    >
      <BridgeStateBadge state={bridges.summary} />
    </button>
  );
}
