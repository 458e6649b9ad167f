import type { HandlerSlice } from '../ipc/handlers';
import type { AppStore } from '../store/app-store';
import type { CredentialVault } from './credential-vault';

export type SecretChannel = 'saveSecret' | 'secretStatus' | 'deleteSecret';

/** None of these returns a secret: the renderer can store one, ask about it, or delete it. */
export function createSecretHandlers(store: AppStore, vault: CredentialVault): HandlerSlice<SecretChannel> {
  return {
    saveSecret: ({ profileId, kind, secret, fallback }) => {
      // A secret without a profile would be an orphan from the start.
      store.requireProfile(profileId);
      return vault.save(profileId, kind, secret, fallback);
    },
    secretStatus: ({ profileId, kind }) => {
      store.requireProfile(profileId);
      return vault.status(profileId, kind);
    },
    deleteSecret: ({ profileId, kind }) => {
      store.requireProfile(profileId);
      return vault.delete(profileId, kind);
    },
  };
}
