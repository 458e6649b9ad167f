/**
 * A settings file (store.json of any version, typically one the app moved aside) read as an export file, so that
 * the import's per-entry checks and report apply to it unchanged. Its connections keep their ids, which ties them
 * back to their keychain entries, sign-in data (oauth.json) and retests.
 */
import { wizardProgressSchema } from '@shared/profile/progress';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '@shared/profile/transfer';

import { isRawDocument } from './document-spec';

/** The export-file shape of a settings file, or undefined when `raw` is not one. */
export function settingsFileAsExport(raw: unknown): Record<string, unknown> | undefined {
  if (!isRawDocument(raw) || 'format' in raw || !('schemaVersion' in raw) || !Array.isArray(raw.profiles)) {
    return undefined;
  }
  const progress = isRawDocument(raw.progress) ? raw.progress : {};
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    profiles: raw.profiles.map((entry: unknown) => {
      if (!isRawDocument(entry) || typeof entry.id !== 'string' || !Object.hasOwn(progress, entry.id)) return entry;
      // Damaged progress costs only the progress: the connection is still taken over (reported without it).
      const checked = wizardProgressSchema.safeParse(progress[entry.id]);
      return checked.success ? { ...entry, progress: checked.data } : entry;
    }),
  };
}
