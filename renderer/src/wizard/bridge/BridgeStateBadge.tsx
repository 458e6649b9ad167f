/** A bridge's state as a small coloured label (the header, the status panel and the start controls use it). */
import type { BridgeSummaryState } from '@shared/bridge/host-view';
import { useTranslation } from 'react-i18next';

import { pillClass, type PillTone } from '../ui/pill';

const TONE: Record<BridgeSummaryState, PillTone> = {
  running: 'ok',
  starting: null,
  stopped: null,
  none: null,
  'upstream-failing': 'warn',
  'needs-sign-in': 'error',
  'start-failed': 'error',
};

export function BridgeStateBadge({ state }: { state: BridgeSummaryState }) {
  const { t } = useTranslation('bridge');
  return (
    <span className={pillClass('bridge-state', TONE[state])} data-testid="bridge-state" data-state={state}>
      <span className="bridge-state-dot" aria-hidden="true" />
      {t(`status.state.${state}`)}
    </span>
  );
}
