/**
 * oauth.json: per connection, the chosen route, the app registration's IDs, and which account signed in when (never
 * a token; the refresh token lives only in the keychain). Keyed by connection id, so a damaged entry is left out
 * and the others are kept (the full original is moved aside with a notice).
 */
import { clientIdSchema, signInModeSchema, tenantSchema } from '@shared/oauth/registration';
import { trackSchema } from '@shared/oauth/state';
import { profileIdSchema } from '@shared/profile/profile';
import { z } from 'zod';

import { salvageRecord, versionedDocumentSpec } from '../store/document-spec';

const isoTimestamp = z.iso.datetime({ offset: true });

export const oauthEntrySchema = z
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
export type OAuthEntry = z.output<typeof oauthEntrySchema>;

const OAUTH_VERSION = 1;

const oauthDocumentSchema = z
  .object({ version: z.literal(OAUTH_VERSION), profiles: z.record(profileIdSchema, oauthEntrySchema) })
  .strict();
export type OAuthDocument = z.output<typeof oauthDocumentSchema>;

export const oauthDocumentSpec = versionedDocumentSpec<OAuthDocument>({
  name: 'oauth',
  version: OAUTH_VERSION,
  schema: oauthDocumentSchema,
  empty: () => ({ profiles: {} }),
  // A few KiB per connection (the cache skeleton is capped at 32 KiB): 1,000 connections stay far below.
  maxBytes: 64 * 1024 * 1024,
  salvage: (raw) =>
    salvageRecord(raw, 'profiles', { key: profileIdSchema, entry: oauthEntrySchema }, (profiles) => ({ profiles })),
});
