import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { type RetestState, retestStateSchema } from '@shared/wizard/retest';
import { z } from 'zod';

/**
 * Where retest state survives an app restart. Small on purpose, so the profile store can implement it;
 * until it does, `createJsonFileRetestPersistence` keeps it in its own file next to the store.
 */
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

const fileSchema = z.object({ version: z.literal(1), states: z.array(z.unknown()) });

/**
 * One JSON file (`retest.json`) holding codes and timestamps, never secrets. Writes go to a temporary file that
 * is then renamed, so a crash leaves the old or the new version, never half of one. Entries that fail validation
 * are dropped on load: a damaged file loses retests, not the app.
 */
export function createJsonFileRetestPersistence(dataDir: string, fileName = 'retest.json'): RetestPersistence {
  const file = path.join(dataDir, fileName);
  const states = new Map<string, RetestState>();
  let loaded = false;
  let writing: Promise<void> = Promise.resolve();

  const readOnce = () => {
    if (loaded) return;
    loaded = true;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return;
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) return;
    for (const entry of parsed.data.states) {
      const s = retestStateSchema.safeParse(entry);
      if (s.success) states.set(s.data.profileId, s.data);
    }
  };

  const flush = () => {
    const body = JSON.stringify({ version: 1, states: [...states.values()] }, null, 2);
    writing = writing
      .catch(() => {})
      .then(async () => {
        mkdirSync(dataDir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, body, { mode: 0o600 });
        await rename(tmp, file);
      });
    return writing;
  };

  return {
    async load() {
      readOnce();
      return [...states.values()].map((s) => structuredClone(s));
    },
    async save(state) {
      readOnce();
      states.set(state.profileId, structuredClone(state));
      await flush();
    },
    async remove(profileId) {
      readOnce();
      if (states.delete(profileId)) await flush();
    },
  };
}
