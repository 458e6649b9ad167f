import { profileIdSchema } from '../../shared/profile/profile';
import { secretKindSchema, type SecretKind } from '../../shared/profile/secrets';

/** Keychain account name for one secret of one profile: `<profileId>:<kind>`. */
export const accountFor = (profileId: string, kind: SecretKind): string => `${profileId}:${kind}`;

/** The profile and kind an account name stands for; nulls for names this app would never write. */
export function parseAccount(account: string): { profileId: string | null; kind: SecretKind | null } {
  const sep = account.lastIndexOf(':');
  if (sep <= 0) return { profileId: null, kind: null };
  const id = profileIdSchema.safeParse(account.slice(0, sep));
  const kind = secretKindSchema.safeParse(account.slice(sep + 1));
  return { profileId: id.success ? id.data : null, kind: kind.success ? kind.data : null };
}
