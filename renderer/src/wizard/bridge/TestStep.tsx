/** *Brücke testen*, with the bridge's status beside it; the step confirms itself when the test passes. */
import { BridgePage } from './BridgePage';
import { BridgeTest } from './BridgeTest';
import { StatusPanel } from './StatusPanel';

export function BridgeTestStep() {
  return (
    <BridgePage
      leadKey="test.lead"
      render={(ctx) => (
        <>
          <BridgeTest {...ctx} />
          {ctx.bridge && <StatusPanel bridge={ctx.bridge} />}
        </>
      )}
      done={{ stepId: 'bridgeTest', auto: true }}
    />
  );
}
