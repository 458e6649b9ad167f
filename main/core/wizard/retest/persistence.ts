import type { RetestState } from '@shared/wizard/retest';

import { type LoadEvent, openDurableDocument } from '../../store/durable-document';
import { retestDocumentSpec } from './retest-document';

/** Where retest state survives an app restart; small on purpose, so any store can implement it. */
export interface RetestPersistence {
  load(): Promise<RetestState[]>;
  save(state: RetestState): Promise<void>;
  remove(profileId: string): Promise<void>;
}

export function createMemoryRetestPersistence(
  initial: RetestState[] = [],
): RetestPersistence & { snapshot(): RetestState[] } {
  const states = new Map(initial.map((s) => [s.profileId, structuredClone(s)]));
  return {
    load: async () => [...states.values()].map((s) => structuredClone(s)),
    save: async (s) => void states.set(s.profileId, structuredClone(s)),
    remove: async (id) => void states.delete(id),
    snapshot: () => [...states.values()].map((s) => structuredClone(s)),
  };
}

export interface FileRetestPersistence extends RetestPersistence {
  /** What happened while opening retest.json (moved aside, salvaged), for notices. */
  readonly loadEvents: readonly LoadEvent[];
}

/**
 * retest.json in the data folder, a durable document (retest-document.ts): validated, written atomically (a crash
 * leaves the old or the new version), and a damaged file is moved aside with a notice instead of being dropped.
 */
export function createJsonFileRetestPersistence(
  dataDir: string,
  fileName = 'retest',
  now = new Date(),
): FileRetestPersistence {
  const file = openDurableDocument(retestDocumentSpec, { dataDir, fileName: fileName.replace(/\.json$/, ''), now });
  const states = () => file.current().states;
  const write = (next: RetestState[]) => file.replace({ version: 1, states: next });
  return {
    loadEvents: file.events,
    load: async () => states().map((s) => structuredClone(s)),
    async save(state) {
      write([...states().filter((s) => s.profileId !== state.profileId), structuredClone(state)]);
    },
    async remove(profileId) {
      if (states().some((s) => s.profileId === profileId)) write(states().filter((s) => s.profileId !== profileId));
    },
  };
}
