/**
 * The bridge settings of every connection and the desktop choices, read and changed through one small interface
 * over bridge.json. Every change is validated and written atomically before it becomes visible; a failed write
 * changes nothing and throws STORE_WRITE_FAILED (the durable document's rule).
 */
import {
  defaultBridge,
  type DesktopBehaviour,
  desktopBehaviourSchema,
  type StoredBridge,
  storedBridgeSchema,
} from '@shared/bridge/host-settings';

import { type LoadEvent, openDurableDocument } from '../store/durable-document';
import type { BridgeTransferPort } from '../store/transfer-types';
import { bridgeDocumentSpec } from './bridge-document';

export interface BridgeSettingsStore {
  readonly loadEvents: readonly LoadEvent[];
  get(profileId: string): StoredBridge | null;
  /** Profile ids with a bridge set up. */
  ids(): string[];
  set(profileId: string, bridge: StoredBridge): StoredBridge;
  remove(profileId: string): void;
  desktop(): DesktopBehaviour;
  setDesktop(patch: Partial<DesktopBehaviour>): DesktopBehaviour;
}

/** Export carries what the admin chose; import sets it up stopped and without a password (agorum needs a new one). */
export function bridgeTransfer(settings: BridgeSettingsStore, now = () => new Date()): BridgeTransferPort {
  return {
    exportOf(profileId) {
      const b = settings.get(profileId);
      if (!b) return undefined;
      const { agorumRuns, serverType, host, port, tls, allow } = b;
      return { agorumRuns, serverType, host, port, tls, allow };
    },
    restore(entries) {
      for (const { profileId, bridge } of entries) {
        settings.set(profileId, { ...defaultBridge(now().toISOString()), ...bridge });
      }
    },
  };
}

export function openBridgeSettings(dataDir: string, now = new Date()): BridgeSettingsStore {
  const file = openDurableDocument(bridgeDocumentSpec, { dataDir, now });
  const doc = () => file.current();
  return {
    loadEvents: file.events,
    get: (profileId) => (Object.hasOwn(doc().bridges, profileId) ? structuredClone(doc().bridges[profileId]!) : null),
    ids: () => Object.keys(doc().bridges),
    set(profileId, bridge) {
      const checked = storedBridgeSchema.parse(bridge);
      file.replace({ ...doc(), bridges: { ...doc().bridges, [profileId]: checked } });
      return structuredClone(checked);
    },
    remove(profileId) {
      if (!Object.hasOwn(doc().bridges, profileId)) return;
      const { [profileId]: _gone, ...rest } = doc().bridges;
      file.replace({ ...doc(), bridges: rest });
    },
    desktop: () => structuredClone(doc().desktop),
    setDesktop(patch) {
      const desktop = desktopBehaviourSchema.parse({ ...doc().desktop, ...patch });
      file.replace({ ...doc(), desktop });
      return structuredClone(desktop);
    },
  };
}
