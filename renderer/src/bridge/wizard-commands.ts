/**
 * The wizard's commands, one call each: main applies the rules and answers with the new view, which is shown at
 * once (the `wizardView` event brings the same view to every other subscriber).
 */
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/ipc/contract';
import type { Result } from '@shared/ipc/result';
import type { WizardView } from '@shared/wizard/view';

import { assistant } from './assistant';
import { call } from './call';
import { acceptView } from './wizard-view';

type Quiet = { quiet?: boolean };

const viewOf = (value: unknown): WizardView | undefined =>
  value && typeof value === 'object' && 'revision' in value
    ? (value as WizardView)
    : ((value as { view?: WizardView } | null)?.view ?? undefined);

async function command<K extends ChannelName>(
  name: K,
  input: ChannelInput<K>,
  opts: Quiet = {},
): Promise<Result<ChannelOutput<K>>> {
  const run = assistant[name] as (i: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>>;
  const r = await call(() => run(input), opts);
  const view = r.ok ? viewOf(r.value) : undefined;
  if (view) acceptView(view);
  return r;
}

/** Builds `(input, opts) => command(name, input, opts)` for each command. */
const commandFor =
  <K extends ChannelName>(name: K) =>
  (input: ChannelInput<K>, opts?: Quiet) =>
    command(name, input, opts);

export const wizard = {
  selectConnection: commandFor('selectConnection'),
  createConnection: commandFor('createConnection'),
  updateConnection: commandFor('updateConnection'),
  renameConnection: commandFor('renameConnection'),
  deleteConnection: commandFor('deleteConnection'),
  importConnections: commandFor('importConnections'),
  chooseRoute: commandFor('chooseRoute'),
  goToStep: commandFor('goToStep'),
  confirmStep: commandFor('confirmStep'),
  undoStep: commandFor('undoStep'),
  checkNetwork: commandFor('checkNetwork'),
  testConnection: commandFor('testConnection'),
  saveAppPassword: commandFor('saveAppPassword'),
  cancelTest: commandFor('cancelTest'),
  startRetest: commandFor('startRetest'),
  cancelRetest: commandFor('cancelRetest'),
  saveOAuthIds: commandFor('saveOAuthIds'),
  signIn: commandFor('signIn'),
  cancelSignIn: commandFor('cancelSignIn'),
  signOut: commandFor('signOut'),
  testOAuthConnection: commandFor('testOAuthConnection'),
  configureBridge: commandFor('configureBridge'),
  checkBridgePort: commandFor('checkBridgePort'),
  generateBridgePassword: commandFor('generateBridgePassword'),
  copyBridgeValue: commandFor('copyBridgeValue'),
  startBridge: commandFor('startBridge'),
  stopBridge: commandFor('stopBridge'),
  testBridge: commandFor('testBridge'),
  cancelBridgeTest: commandFor('cancelBridgeTest'),
  exportBridgeServer: commandFor('exportBridgeServer'),
  setDesktopBehaviour: commandFor('setDesktopBehaviour'),
};
