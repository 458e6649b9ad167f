/**
 * Per-profile state of the modern-authentication track that is not secret: the chosen track, the app
 * registration's IDs, and which account signed in when. Kept in its own small file next to the store
 * (`oauth.json`), written atomically; the refresh token itself lives only in the keychain.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { clientIdSchema, signInModeSchema, tenantSchema } from '@shared/oauth/registration';
import { trackSchema } from '@shared/oauth/state';
import { profileIdSchema } from '@shared/profile/profile';
import { z } from 'zod';

import { writeFileAtomic } from '../store/atomic-file';

const isoTimestamp = z.iso.datetime({ offset: true });

const entrySchema = z
  .object({
    track: trackSchema.nullable(),
    registration: z
      .object({ tenant: tenantSchema, clientId: clientIdSchema, mode: signInModeSchema })
      .strict()
      .nullable(),
    account: z
      .object({ username: z.string().max(320), homeAccountId: z.string().max(400), signedInAt: isoTimestamp })
      .strict()
      .nullable(),
    /** MSAL's account records for the refresh token, secret fields emptied (the token itself is in the keychain). */
    cacheSkeleton: z.string().max(32_768).nullable().default(null),
  })
  .strict();
export type OAuthEntry = z.output<typeof entrySchema>;

const fileSchema = z.object({ version: z.literal(1), profiles: z.record(profileIdSchema, entrySchema) }).strict();

export const OAUTH_FILE = 'oauth.json';

export const emptyEntry = (): OAuthEntry => ({ track: null, registration: null, account: null, cacheSkeleton: null });

export interface RegistrationStore {
  get(profileId: string): OAuthEntry;
  update(profileId: string, patch: Partial<OAuthEntry>): OAuthEntry;
  remove(profileId: string): void;
  /**
   * Sets track and registration of several profiles in one write (an import); their sign-in starts empty. `null`
   * removes a profile's entry. Throws, changing nothing, when the file cannot be written.
   */
  replaceMany(
    entries: readonly { profileId: string; entry: Pick<OAuthEntry, 'track' | 'registration'> | null }[],
  ): void;
  /** Problem found while loading (unreadable or invalid file); the track then starts empty. */
  readonly loadProblem: string | undefined;
}

export function openRegistrationStore(dataDir: string): RegistrationStore {
  const file = path.join(dataDir, OAUTH_FILE);
  let profiles: Record<string, OAuthEntry> = {};
  let loadProblem: string | undefined;
  if (existsSync(file)) {
    try {
      profiles = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).profiles;
    } catch (err) {
      loadProblem = err instanceof SyntaxError ? 'invalid JSON' : 'unexpected content';
    }
  }
  const persist = (next: Record<string, OAuthEntry>) => {
    writeFileAtomic(file, `${JSON.stringify({ version: 1, profiles: next }, null, 2)}\n`);
    profiles = next;
  };
  return {
    loadProblem,
    get: (profileId) => structuredClone(Object.hasOwn(profiles, profileId) ? profiles[profileId]! : emptyEntry()),
    update(profileId, patch) {
      const current = Object.hasOwn(profiles, profileId) ? profiles[profileId]! : emptyEntry();
      const next = entrySchema.parse({ ...current, ...patch });
      persist({ ...profiles, [profileId]: next });
      return structuredClone(next);
    },
    remove(profileId) {
      if (!Object.hasOwn(profiles, profileId)) return;
      const { [profileId]: _gone, ...rest } = profiles;
      persist(rest);
    },
    replaceMany(entries) {
      const next = { ...profiles };
      for (const { profileId, entry } of entries) {
        profileIdSchema.parse(profileId);
        if (entry === null) delete next[profileId];
        else
          next[profileId] = entrySchema.parse({
            ...emptyEntry(),
            track: entry.track,
            registration: entry.registration,
          });
      }
      persist(next);
    },
  };
}
