/** The bridge commands of the contract, over the host, its proof (the bridge test) and the server export. */
import type { bridgeChannels } from '@shared/ipc/channels/bridge';

import type { HandlerSlice } from '../ipc/handlers';
import type { BridgeHost } from './bridge-host';
import type { createBridgeProof } from './bridge-proof';
import type { createServerExportCommand } from './server-export-command';

export type BridgeChannel = keyof typeof bridgeChannels;

export function createBridgeHostHandlers(parts: {
  host: BridgeHost;
  proof: ReturnType<typeof createBridgeProof>;
  exportServer: ReturnType<typeof createServerExportCommand>;
}): HandlerSlice<BridgeChannel> {
  const { host, proof } = parts;
  return {
    configureBridge: ({ profileId, setup }) => host.configure(profileId, setup),
    checkBridgePort: ({ profileId, host: address, port }) => host.checkPort(profileId, address, port),
    generateBridgePassword: ({ profileId }) => host.generatePassword(profileId),
    copyBridgeValue: ({ profileId, field }) => host.copyValue(profileId, field),
    startBridge: ({ profileId }) => host.start(profileId),
    stopBridge: ({ profileId }) => host.stop(profileId),
    testBridge: ({ profileId, password }, ctx) => proof.test(profileId, password, (e) => ctx.emit('probeStage', e)),
    cancelBridgeTest: ({ profileId }) => proof.cancel(profileId),
    exportBridgeServer: ({ profileId, path }) => parts.exportServer(profileId, path),
    setDesktopBehaviour: (patch) => host.setDesktop(patch),
  };
}
