/**
 * Versioned upgrades of the store file. Each step turns version N into N+1 and may assume only what version N
 * guaranteed; the result is validated by the current schema afterwards, so a step can be lenient.
 */
import { languageSchema } from '@shared/ipc/channels/app';
import { DEFAULT_SETTINGS } from '@shared/profile/settings';

import { CURRENT_SCHEMA_VERSION } from './store-document';

type Raw = Record<string, unknown>;
export type Migration = (doc: Raw) => Raw;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

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

export type MigrationOutcome =
  | { kind: 'current'; document: Raw }
  | { kind: 'migrated'; document: Raw; fromVersion: number }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid' };

/** A file without `schemaVersion` is v1 (the foundation never wrote one). */
export function detectVersion(doc: Raw): number | undefined {
  if (!('schemaVersion' in doc)) return 1;
  const v = doc.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
}

export function migrateDocument(
  raw: unknown,
  target = CURRENT_SCHEMA_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): MigrationOutcome {
  if (!isObject(raw)) return { kind: 'invalid' };
  const fromVersion = detectVersion(raw);
  if (fromVersion === undefined) return { kind: 'invalid' };
  if (fromVersion > target) return { kind: 'newer', version: fromVersion };
  if (fromVersion === target) return { kind: 'current', document: raw };
  let doc = raw;
  for (let v = fromVersion; v < target; v++) {
    const step = migrations[v];
    if (!step) return { kind: 'invalid' };
    doc = step(doc);
  }
  return { kind: 'migrated', document: doc, fromVersion };
}
