import type { ProbeOptions } from '../imap/probe';
import { probe } from '../imap/probe';
import type { Logger } from '../log/logger';
import type { OAuthService } from '../oauth/oauth-service';
import type { VaultServices } from '../vault/vault-services';
import type { BridgeViewSource, WizardStateDeps } from './core';
import { createWizardStateService } from './wizard-state-service';

/** The wizard-state service over the app's vault, modern-auth service, retests and the real probe. */
export function composeWizardState(parts: {
  vault: VaultServices;
  oauth: OAuthService;
  retest: WizardStateDeps['retest'];
  probeOptions?: Omit<ProbeOptions, 'signal' | 'onStage'>;
  log?: Logger;
  /** The bridges the app hosts: their part of the view; a deleted connection's bridge ends, a new sign-in heals one. */
  bridges?: BridgeViewSource & { forget(profileId: string): Promise<void>; signedIn(profileId: string): Promise<void> };
}) {
  const { vault, bridges } = parts;
  const oauth: OAuthService = bridges
    ? {
        ...parts.oauth,
        async signIn(...args: Parameters<OAuthService['signIn']>) {
          const result = await parts.oauth.signIn(...args);
          await bridges.signedIn(args[0]).catch(() => undefined);
          return result;
        },
      }
    : parts.oauth;
  return createWizardStateService({
    store: vault.store,
    vault: vault.vault,
    getSecret: (id) => vault.getSecret(id, 'app-password'),
    deleteProfile: async (id) => {
      await bridges?.forget(id);
      return vault.deleteProfile(id);
    },
    importProfiles: (input) => vault.importProfiles(input),
    oauth,
    ...(bridges ? { bridges } : {}),
    retest: parts.retest,
    probe,
    ...(parts.probeOptions ? { probeOptions: parts.probeOptions } : {}),
    ...(parts.log ? { log: parts.log } : {}),
  });
}
