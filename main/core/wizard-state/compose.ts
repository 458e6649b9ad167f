import type { ProbeOptions } from '../imap/probe';
import { probe } from '../imap/probe';
import type { Logger } from '../log/logger';
import type { OAuthService } from '../oauth/oauth-service';
import type { VaultServices } from '../vault/vault-services';
import type { WizardStateDeps } from './core';
import { createWizardStateService } from './wizard-state-service';

/** The wizard-state service over the app's vault, modern-auth service, retests and the real probe. */
export function composeWizardState(parts: {
  vault: VaultServices;
  oauth: OAuthService;
  retest: WizardStateDeps['retest'];
  probeOptions?: Omit<ProbeOptions, 'signal' | 'onStage'>;
  log?: Logger;
}) {
  const { vault } = parts;
  return createWizardStateService({
    store: vault.store,
    vault: vault.vault,
    getSecret: (id) => vault.getSecret(id, 'app-password'),
    deleteProfile: (id) => vault.deleteProfile(id),
    importProfiles: (input) => vault.importProfiles(input),
    oauth: parts.oauth,
    retest: parts.retest,
    probe,
    ...(parts.probeOptions ? { probeOptions: parts.probeOptions } : {}),
    ...(parts.log ? { log: parts.log } : {}),
  });
}
