/** store.json: connections, wizard progress, recent test reports and settings, with its schema and spec. */
import { profileIdSchema, profileSchema } from '@shared/profile/profile';
import { wizardProgressSchema } from '@shared/profile/progress';
import { MAX_REPORTS_PER_PROFILE } from '@shared/profile/reports';
import { DEFAULT_SETTINGS, storedSettingsSchema } from '@shared/profile/settings';
import { isoTimestampSchema } from '@shared/profile/timestamp';
import { z } from 'zod';

import type { DocumentSpec } from './document-spec';
import { MIGRATIONS } from './migrations';

export const CURRENT_SCHEMA_VERSION = 3;

/** Far above any real store (1,000 profiles with 20 reports each stay well below); larger means garbage. */
export const MAX_STORE_BYTES = 32 * 1024 * 1024;

const storedReportSchema = z.object({ recordedAt: isoTimestampSchema, report: z.unknown() }).strict();

export const storeDocumentSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    profiles: z.array(profileSchema),
    progress: z.record(profileIdSchema, wizardProgressSchema),
    reports: z.record(profileIdSchema, z.array(storedReportSchema).max(MAX_REPORTS_PER_PROFILE)),
    settings: storedSettingsSchema,
  })
  .strict()
  .refine((doc) => new Set(doc.profiles.map((p) => p.id)).size === doc.profiles.length, {
    message: 'Duplicate profile ids',
  });

export type StoreDocument = z.infer<typeof storeDocumentSchema>;

export const emptyDocument = (): StoreDocument => ({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  profiles: [],
  progress: {},
  reports: {},
  settings: structuredClone(DEFAULT_SETTINGS),
});

/** Drops progress and reports of profiles that no longer exist (e.g. after a hand edit). */
function normalize(doc: StoreDocument): StoreDocument | undefined {
  const ids = new Set(doc.profiles.map((p) => p.id));
  const progress = Object.fromEntries(Object.entries(doc.progress).filter(([id]) => ids.has(id)));
  const reports = Object.fromEntries(Object.entries(doc.reports).filter(([id]) => ids.has(id)));
  const changed =
    Object.keys(progress).length !== Object.keys(doc.progress).length ||
    Object.keys(reports).length !== Object.keys(doc.reports).length;
  return changed ? { ...doc, progress, reports } : undefined;
}

/**
 * No salvage here on purpose: a damaged store.json is moved aside as a whole, and its readable connections come
 * back through the import (from the notice), which reports entry by entry what it took and what it refused.
 */
export const storeDocumentSpec: DocumentSpec<StoreDocument> = {
  name: 'store',
  version: CURRENT_SCHEMA_VERSION,
  versionKey: 'schemaVersion',
  // The foundation's settings file never wrote a version.
  unversioned: 1,
  migrations: MIGRATIONS,
  schema: storeDocumentSchema,
  empty: emptyDocument,
  maxBytes: MAX_STORE_BYTES,
  // app-store.ts validates every profile, progress, report and settings change before it commits.
  validateWrites: false,
  normalize,
};
