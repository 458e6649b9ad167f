/**
 * bridge.json: per connection the OAuth bridge's settings (address, port, Server-Typ, where agorum core runs, the
 * local password's scrypt hash), and the app-wide desktop choices (background, start with the computer, what
 * closing the window does). Its own document next to store.json, like oauth.json: a store.json of any earlier
 * version loads unchanged, and a damaged bridge entry costs only itself (salvaged, original moved aside).
 */
import { DEFAULT_DESKTOP_BEHAVIOUR, desktopBehaviourSchema, storedBridgeSchema } from '@shared/bridge/host-settings';
import { profileIdSchema } from '@shared/profile/profile';
import { z } from 'zod';

import { isRawDocument, salvageRecord, versionedDocumentSpec } from '../store/document-spec';

const BRIDGE_VERSION = 1;

const bridgeDocumentSchema = z
  .object({
    version: z.literal(BRIDGE_VERSION),
    bridges: z.record(profileIdSchema, storedBridgeSchema),
    desktop: desktopBehaviourSchema,
  })
  .strict();
export type BridgeDocument = z.output<typeof bridgeDocumentSchema>;

const emptyContent = () => ({ bridges: {}, desktop: { ...DEFAULT_DESKTOP_BEHAVIOUR } });

export const bridgeDocumentSpec = versionedDocumentSpec<BridgeDocument>({
  name: 'bridge',
  version: BRIDGE_VERSION,
  schema: bridgeDocumentSchema,
  empty: emptyContent,
  // Well under 1 KiB per connection.
  maxBytes: 16 * 1024 * 1024,
  salvage(raw) {
    const desktop = desktopBehaviourSchema.safeParse(raw.desktop);
    const fromRecord = salvageRecord(
      raw,
      'bridges',
      { key: profileIdSchema, entry: storedBridgeSchema },
      (bridges) => ({
        bridges,
        desktop: desktop.success ? desktop.data : { ...DEFAULT_DESKTOP_BEHAVIOUR },
      }),
    );
    if (fromRecord) return { ...fromRecord, dropped: fromRecord.dropped + (desktop.success ? 0 : 1) };
    // Only the desktop choices survived (the record itself is gone).
    return isRawDocument(raw) && desktop.success
      ? { document: { ...emptyContent(), desktop: desktop.data }, kept: 0, dropped: 1 }
      : undefined;
  },
});
