/** The persisted store document (current schema version) and its zod validation. */
import { profileIdSchema, profileSchema } from '@shared/profile/profile';
import { wizardProgressSchema } from '@shared/profile/progress';
import { MAX_REPORTS_PER_PROFILE } from '@shared/profile/reports';
import { DEFAULT_SETTINGS, storedSettingsSchema } from '@shared/profile/settings';
import { isoTimestampSchema } from '@shared/profile/timestamp';
import { z } from 'zod';

export const CURRENT_SCHEMA_VERSION = 3;

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
