/** A bridge's state as a small coloured label (the header, the status panel and the start controls use it). */
import type { BridgeSummaryState } from '@shared/bridge/host-view';
import { useTranslation } from 'react-i18next';

const TONE: Record<BridgeSummaryState, string> = {
  running: ' tone-ok',
  starting: '',
  stopped: '',
  none: '',
  'upstream-failing': ' tone-warn',
  'needs-sign-in': ' tone-error',
  'start-failed': ' tone-error',
};

export function BridgeStateBadge({ state }: { state: BridgeSummaryState }) {
  const { t } = useTranslation('bridge');
  return (
    <span className={`pill bridge-state${TONE[state]}`} data-testid="bridge-state" data-state={state}>
      <span className="bridge-state-dot" aria-hidden="true" />
      {t(`status.state.${state}`)}
    </span>
  );
}
