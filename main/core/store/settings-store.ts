import Conf from 'conf';
import { z } from 'zod';
import { languageSchema, type AppSettings } from '../../shared/ipc/channels/app';

// Minimal settings persistence for the foundation; the store issue replaces this with the full,
// migrated and corruption-safe store.
const settingsSchema = z.object({ language: languageSchema.default('de') });

export interface SettingsStore {
  get(): AppSettings;
  update(patch: Partial<AppSettings>): AppSettings;
}

export function createSettingsStore(dataDir: string): SettingsStore {
  const conf = new Conf<{ settings?: unknown }>({ cwd: dataDir, configName: 'store', projectName: 'mailadapter-assistant' });
  const read = (): AppSettings => {
    const parsed = settingsSchema.safeParse(conf.get('settings') ?? {});
    return parsed.success ? parsed.data : settingsSchema.parse({});
  };
  return {
    get: read,
    update(patch) {
      const next = settingsSchema.parse({ ...read(), ...patch });
      conf.set('settings', next);
      return next;
    },
  };
}
