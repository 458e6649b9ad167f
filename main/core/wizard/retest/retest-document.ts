/**
 * retest.json: the automatic retests, one state per connection (codes and timestamps, never a secret). A damaged
 * state is left out and the others are kept; the full original is moved aside with a notice.
 */
import { type RetestState, retestStateSchema } from '@shared/wizard/retest';
import { z } from 'zod';

import { versionedDocumentSpec } from '../../store/document-spec';

const RETEST_VERSION = 1;

const retestDocumentSchema = z
  .object({ version: z.literal(RETEST_VERSION), states: z.array(retestStateSchema).max(10_000) })
  .strict()
  .refine((doc) => new Set(doc.states.map((s) => s.profileId)).size === doc.states.length, {
    message: 'Duplicate profile ids',
  });
export type RetestDocument = z.output<typeof retestDocumentSchema>;

export const retestDocumentSpec = versionedDocumentSpec<RetestDocument>({
  name: 'retest',
  version: RETEST_VERSION,
  schema: retestDocumentSchema,
  empty: () => ({ states: [] }),
  // At most 200 attempts of ~100 bytes per connection.
  maxBytes: 32 * 1024 * 1024,
  salvage(raw) {
    if (!Array.isArray(raw.states)) return undefined;
    const kept = new Map<string, RetestState>();
    for (const entry of raw.states) {
      const parsed = retestStateSchema.safeParse(entry);
      // A later duplicate is the newer write of the same connection's state.
      if (parsed.success) kept.set(parsed.data.profileId, parsed.data);
    }
    const states = [...kept.values()];
    return { document: { states }, kept: states.length, dropped: raw.states.length - states.length };
  },
});
