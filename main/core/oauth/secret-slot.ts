/**
 * Where one profile's persisted MSAL cache lives, behind a tiny interface so the cache plugin can be tested
 * without a keychain: the refresh token in the OS keychain (vault kind `oauth-refresh-token`), the non-secret
 * rest (account records) in oauth.json. The keychain is written first, so a keychain failure leaves no half.
 */
import type { CredentialVault } from '../vault/credential-vault';
import { joinSecrets, splitSecrets } from './cache-filter';
import type { RegistrationStore } from './registration-store';

export interface SecretSlot {
  read(): Promise<string | null>;
  write(value: string): Promise<void>;
  /** True when something was removed. */
  clear(): Promise<boolean>;
}

export const REFRESH_TOKEN_KIND = 'oauth-refresh-token' as const;

export function profileCacheSlot(
  vault: CredentialVault,
  registrations: RegistrationStore,
  profileId: string,
): SecretSlot {
  return {
    async read() {
      const skeleton = registrations.get(profileId).cacheSkeleton;
      const secret = (await vault.read(profileId, REFRESH_TOKEN_KIND))?.secret ?? null;
      return skeleton && secret ? joinSecrets(skeleton, secret) : null;
    },
    async write(value) {
      const { secret, skeleton } = splitSecrets(value);
      await vault.save(profileId, REFRESH_TOKEN_KIND, secret, 'none');
      registrations.update(profileId, { cacheSkeleton: skeleton });
    },
    async clear() {
      if (registrations.get(profileId).cacheSkeleton !== null) registrations.update(profileId, { cacheSkeleton: null });
      return (await vault.delete(profileId, REFRESH_TOKEN_KIND)).removed;
    },
  };
}
