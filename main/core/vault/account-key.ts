import { profileIdSchema } from '@shared/profile/profile';
import { type SecretKind, secretKindSchema } from '@shared/profile/secrets';

/** Keychain account name for one secret of one profile: `<profileId>:<kind>`. */
export const accountFor = (profileId: string, kind: SecretKind): string => `${profileId}:${kind}`;

/** `<account>#<i>`: one chunk of a long secret (see chunk-format.ts). */
const CHUNK_SUFFIX = /#(0|[1-9]\d{0,3})$/;

/** The secret's own account name for a chunk item's name; other names are returned as they are. */
export const primaryAccount = (account: string): string => account.replace(CHUNK_SUFFIX, '');

/**
 * The profile and kind an account name stands for (nulls for names this app would never write), and for chunk
 * items `<profileId>:<kind>#<i>` the chunk index.
 */
export function parseAccount(account: string): { profileId: string | null; kind: SecretKind | null; chunk?: number } {
  const chunk = CHUNK_SUFFIX.exec(account);
  const primary = chunk ? account.slice(0, chunk.index) : account;
  const sep = primary.lastIndexOf(':');
  if (sep <= 0) return { profileId: null, kind: null };
  const id = profileIdSchema.safeParse(primary.slice(0, sep));
  const kind = secretKindSchema.safeParse(primary.slice(sep + 1));
  const parsed = { profileId: id.success ? id.data : null, kind: kind.success ? kind.data : null };
  return chunk ? { ...parsed, chunk: Number(chunk[1]) } : parsed;
}
