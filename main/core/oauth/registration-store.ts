/**
 * Per-profile state of the modern-authentication track that is not secret: the chosen track, the app
 * registration's IDs, and which account signed in when. Kept in its own durable document next to the store
 * (`oauth.json`, see oauth-document.ts); the refresh token itself lives only in the keychain.
 */
import { profileIdSchema } from '@shared/profile/profile';

import { type LoadEvent, openDurableDocument } from '../store/durable-document';
import { oauthDocumentSpec, type OAuthEntry, oauthEntrySchema } from './oauth-document';

export type { OAuthEntry } from './oauth-document';

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
  /** What happened while opening oauth.json (moved aside, salvaged), for notices. */
  readonly loadEvents: readonly LoadEvent[];
}

export function openRegistrationStore(dataDir: string, now = new Date()): RegistrationStore {
  const file = openDurableDocument(oauthDocumentSpec, { dataDir, now });
  const entries = () => file.current().profiles;
  const persist = (next: Record<string, OAuthEntry>) => file.replace({ version: 1, profiles: next });
  const entryOf = (profileId: string) => (Object.hasOwn(entries(), profileId) ? entries()[profileId]! : emptyEntry());
  return {
    loadEvents: file.events,
    get: (profileId) => structuredClone(entryOf(profileId)),
    update(profileId, patch) {
      const next = oauthEntrySchema.parse({ ...entryOf(profileId), ...patch });
      persist({ ...entries(), [profileId]: next });
      return structuredClone(next);
    },
    remove(profileId) {
      if (!Object.hasOwn(entries(), profileId)) return;
      const { [profileId]: _gone, ...rest } = entries();
      persist(rest);
    },
    replaceMany(list) {
      const next = { ...entries() };
      for (const { profileId, entry } of list) {
        profileIdSchema.parse(profileId);
        if (entry === null) delete next[profileId];
        else
          next[profileId] = oauthEntrySchema.parse({
            ...emptyEntry(),
            track: entry.track,
            registration: entry.registration,
          });
      }
      persist(next);
    },
  };
}
