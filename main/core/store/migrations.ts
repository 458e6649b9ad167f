/**
 * Versioned upgrades of store.json. Each step turns version N into N+1 and may assume only what version N
 * guaranteed; the result is validated by the current schema afterwards, so a step can be lenient.
 */
import { languageSchema } from '@shared/ipc/channels/app';
import { DEFAULT_SETTINGS } from '@shared/profile/settings';

import { isRawDocument as isObject, type Migration } from './document-spec';

/**
 * v1 is the foundation's settings file: `{ settings: { language } }`, written without a version field.
 * v2 added profiles, progress, reports, a global retest policy and window state.
 */
const v1ToV2: Migration = (doc) => {
  const oldSettings = isObject(doc.settings) ? doc.settings : {};
  const language = languageSchema.safeParse(oldSettings.language);
  return {
    schemaVersion: 2,
    profiles: [],
    progress: {},
    reports: {},
    settings: {
      ...structuredClone(DEFAULT_SETTINGS),
      language: language.success ? language.data : DEFAULT_SETTINGS.language,
    },
  };
};

/**
 * v3 drops the global `settings.retestPolicy`: automatic retests are opted into per profile and follow one fixed,
 * lockout-safe schedule, so a stored interval could only contradict it.
 */
const v2ToV3: Migration = (doc) => {
  const settings = isObject(doc.settings) ? { ...doc.settings } : {};
  delete settings.retestPolicy;
  return { ...doc, schemaVersion: 3, settings };
};

/** Keyed by the version a step upgrades *from*. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: v1ToV2, 2: v2ToV3 };
