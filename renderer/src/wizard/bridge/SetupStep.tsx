/**
 * Setting up the bridge: its address and port, then — when agorum core runs here — the local password, start and
 * stop and the desktop choices; when it runs on a server, the export file and the installation text.
 */
import { AddressForm } from './AddressForm';
import { type BridgeContext, BridgePage } from './BridgePage';
import { DesktopToggles } from './DesktopToggles';
import { PasswordPanel } from './PasswordPanel';
import { RunControls } from './RunControls';
import { ServerExport } from './ServerExport';

function Setup(ctx: BridgeContext) {
  const onServer = ctx.bridge?.settings.agorumRuns === 'server';
  return (
    <>
      <AddressForm {...ctx} />
      {onServer ? (
        <ServerExport {...ctx} />
      ) : (
        <>
          <PasswordPanel {...ctx} />
          <RunControls {...ctx} />
          <DesktopToggles />
        </>
      )}
    </>
  );
}

export function SetupStep() {
  return <BridgePage leadKey="setup.lead" render={(ctx) => <Setup {...ctx} />} />;
}
