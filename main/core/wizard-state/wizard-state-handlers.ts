/**
 * The wizard's commands as IPC handlers. Views that no request asked for (an automatic retest, a test finishing
 * after its page was left) go to the window that last sent a command, as retest updates always did.
 */
import type { wizardStateChannels } from '@shared/ipc/channels/wizard-state';
import type { ProbeStageEvent } from '@shared/probe/report';

import type { HandlerContext, HandlerSlice } from '../ipc/handlers';
import type { WizardStateService } from './wizard-state-service';

export type WizardStateChannel = keyof typeof wizardStateChannels;

export function createWizardStateHandlers(service: WizardStateService): HandlerSlice<WizardStateChannel> {
  let sink: HandlerContext['emit'] | undefined;
  service.subscribe((view) => sink?.('wizardView', view));
  const stages = (ctx: HandlerContext) => (e: ProbeStageEvent) => ctx.emit('probeStage', e);

  const table: HandlerSlice<WizardStateChannel> = {
    getWizardView: () => service.getView(),
    selectConnection: ({ profileId }) => service.selectConnection(profileId),
    createConnection: ({ draft, stepId }) => service.createConnection(draft, stepId),
    updateConnection: ({ profileId, patch }) => service.updateConnection(profileId, patch),
    renameConnection: ({ profileId, displayName }) => service.renameConnection(profileId, displayName),
    deleteConnection: ({ profileId }) => service.deleteConnection(profileId),
    importConnections: (input) => service.importConnections(input),
    chooseRoute: ({ profileId, route, acknowledgeWarning }) =>
      service.chooseRoute(profileId, route, acknowledgeWarning),
    goToStep: ({ profileId, stepId }) => service.goToStep(profileId, stepId),
    confirmStep: ({ profileId, stepId }) => service.confirmStep(profileId, stepId),
    undoStep: ({ profileId, stepId }) => service.undoStep(profileId, stepId),
    checkNetwork: ({ profileId }, ctx) => service.checkNetwork(profileId, stages(ctx)),
    testConnection: ({ profileId, settings, password }, ctx) =>
      service.testConnection(profileId, settings, password, stages(ctx)),
    saveAppPassword: ({ profileId, secret, fallback }) => service.saveAppPassword(profileId, secret, fallback),
    cancelTest: ({ profileId, kind }) => service.cancelTest(profileId, kind),
    startRetest: ({ profileId }) => service.startRetest(profileId),
    cancelRetest: ({ profileId }) => service.cancelRetest(profileId),
    saveOAuthIds: ({ profileId, tenant, clientId, mode }) =>
      service.saveOAuthIds(profileId, { tenant, clientId, mode }),
    signIn: ({ profileId }) => service.signIn(profileId),
    cancelSignIn: ({ profileId }) => service.cancelSignIn(profileId),
    signOut: ({ profileId }) => service.signOut(profileId),
    testOAuthConnection: ({ profileId, forceRefresh }) => service.testOAuthConnection(profileId, forceRefresh),
  };

  // Every command names the window to keep informed.
  const informing = Object.entries(table).map(([name, handler]) => [
    name,
    (input: unknown, ctx: HandlerContext) => {
      sink = ctx.emit;
      return (handler as (i: unknown, c: HandlerContext) => unknown)(input, ctx);
    },
  ]);
  return Object.fromEntries(informing) as HandlerSlice<WizardStateChannel>;
}
