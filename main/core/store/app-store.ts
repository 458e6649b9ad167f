/**
 * The app's persistent state: profiles, wizard progress, recent test reports and settings, in one validated
 * document (store.json, a durable document). Every change is written atomically before it becomes visible; a failed
 * write leaves both the file and the in-memory state as they were and throws STORE_WRITE_FAILED.
 */
import { randomUUID } from 'node:crypto';

import { AppError } from '@shared/ipc/result';
import { type Profile, type profileDraftSchema, type ProfilePatch, profileSchema } from '@shared/profile/profile';
import {
  emptyProgress,
  type StepAction,
  stepIdSchema,
  type WizardProgress,
  wizardProgressSchema,
} from '@shared/profile/progress';
import { MAX_REPORT_BYTES, MAX_REPORTS_PER_PROFILE, type StoredReport } from '@shared/profile/reports';
import { type StoredSettings, storedSettingsSchema } from '@shared/profile/settings';
import type { z } from 'zod';

import type { StoreBackendFactory } from './backend';
import { confBackendFactory } from './conf-backend';
import { type LoadEvent, openDurableDocument } from './durable-document';
import { applyStepAction } from './progress-actions';
import { type StoreDocument, storeDocumentSpec } from './store-document';
import { localizedError } from './store-errors';
import type { ImportItem } from './transfer-types';

export type ProfileDraftParsed = z.output<typeof profileDraftSchema>;

export interface AppStore {
  readonly filePath: string;
  /** What happened while opening (recovery, migration), for notices. */
  readonly loadEvents: readonly LoadEvent[];
  listProfiles(): Profile[];
  getProfile(id: string): Profile | undefined;
  /** Like getProfile, but a missing profile is a typed PROFILE_NOT_FOUND failure. */
  requireProfile(id: string): Profile;
  hasProfile(id: string): boolean;
  createProfile(draft: ProfileDraftParsed): Profile;
  updateProfile(id: string, patch: ProfilePatch): Profile;
  deleteProfile(id: string): void;
  getProgress(profileId: string): WizardProgress;
  applyStepAction(profileId: string, stepId: string, action: StepAction): WizardProgress;
  setCurrentStep(profileId: string, stepId: string | null): WizardProgress;
  /** Keeps the newest MAX_REPORTS_PER_PROFILE reports; the report must be JSON and at most MAX_REPORT_BYTES. */
  recordReport(profileId: string, report: unknown): StoredReport;
  listReports(profileId: string): StoredReport[];
  getSettings(): StoredSettings;
  updateSettings(patch: Partial<StoredSettings>): StoredSettings;
  /** Adds profiles (with progress) in one write; ids must be new. */
  addImported(items: readonly ImportItem[]): void;
  /** A deep copy of everything (export, tests). */
  snapshot(): StoreDocument;
  /** Called after every successful updateProfile (rename, new mailbox), e.g. to relabel keychain items. */
  onProfileUpdated(listener: (profile: Profile) => void): () => void;
}

export interface AppStoreOptions {
  dataDir: string;
  backend?: StoreBackendFactory;
  /** File name without extension. */
  name?: string;
  now?: () => Date;
  newId?: () => string;
}

export function openAppStore(opts: AppStoreOptions): AppStore {
  const now = opts.now ?? (() => new Date());
  const newId = opts.newId ?? randomUUID;
  const file = openDurableDocument(storeDocumentSpec, {
    dataDir: opts.dataDir,
    backend: opts.backend ?? confBackendFactory,
    now: now(),
    ...(opts.name ? { fileName: opts.name } : {}),
  });
  let doc = file.current();
  const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
  const listeners = new Set<(profile: Profile) => void>();

  const commit = (next: StoreDocument): void => {
    file.replace(next);
    doc = file.current();
  };

  const find = (id: string) => doc.profiles.find((p) => p.id === id);
  // Profiles are flat: a shallow copy keeps callers from changing the store's state behind its back.
  const requireProfile = (id: string): Profile => {
    const p = find(id);
    if (!p) throw localizedError('PROFILE_NOT_FOUND', { profileId: id });
    return { ...p };
  };
  const stamp = () => now().toISOString();
  // Main-side callers bypass the IPC contract, so every mutation validates what it writes: a value the store
  // would refuse on the next start must never reach the file.
  const withProgress = (profileId: string, progress: WizardProgress): WizardProgress => {
    const checked = wizardProgressSchema.parse(progress);
    commit({ ...doc, progress: { ...doc.progress, [profileId]: checked } });
    return structuredClone(checked);
  };

  return {
    filePath: file.filePath,
    loadEvents: file.events,
    listProfiles: () =>
      doc.profiles
        .map((p) => ({ ...p }))
        .sort((a, b) => collator.compare(a.displayName, b.displayName) || a.createdAt.localeCompare(b.createdAt)),
    getProfile: (id) => {
      const p = find(id);
      return p && { ...p };
    },
    requireProfile,
    hasProfile: (id) => find(id) !== undefined,
    createProfile(draft) {
      const at = stamp();
      const profile = profileSchema.parse({ ...draft, id: newId(), createdAt: at, updatedAt: at });
      commit({ ...doc, profiles: [...doc.profiles, profile] });
      return profile;
    },
    updateProfile(id, patch) {
      const current = requireProfile(id);
      const updated = profileSchema.parse({
        ...current,
        ...patch,
        id,
        createdAt: current.createdAt,
        updatedAt: stamp(),
      });
      commit({ ...doc, profiles: doc.profiles.map((p) => (p.id === id ? updated : p)) });
      for (const listener of listeners) listener({ ...updated });
      return updated;
    },
    deleteProfile(id) {
      requireProfile(id);
      const { [id]: _progress, ...progress } = doc.progress;
      const { [id]: _reports, ...reports } = doc.reports;
      commit({ ...doc, profiles: doc.profiles.filter((p) => p.id !== id), progress, reports });
    },
    getProgress(profileId) {
      requireProfile(profileId);
      return structuredClone(doc.progress[profileId] ?? emptyProgress());
    },
    applyStepAction(profileId, stepId, action) {
      requireProfile(profileId);
      stepIdSchema.parse(stepId);
      return withProgress(
        profileId,
        applyStepAction(doc.progress[profileId] ?? emptyProgress(), stepId, action, stamp()),
      );
    },
    setCurrentStep(profileId, stepId) {
      requireProfile(profileId);
      return withProgress(profileId, { ...(doc.progress[profileId] ?? emptyProgress()), currentStepId: stepId });
    },
    recordReport(profileId, report) {
      requireProfile(profileId);
      let serialized: string | undefined;
      try {
        serialized = JSON.stringify(report);
      } catch {
        serialized = undefined;
      }
      if (serialized === undefined) throw new AppError('REPORT_INVALID', 'The report is not JSON-serializable.');
      if (Buffer.byteLength(serialized, 'utf8') > MAX_REPORT_BYTES) {
        throw new AppError('REPORT_TOO_LARGE', `The report exceeds ${MAX_REPORT_BYTES} bytes and was not stored.`);
      }
      const entry: StoredReport = { recordedAt: stamp(), report: JSON.parse(serialized) as unknown };
      const list = [...(doc.reports[profileId] ?? []), entry].slice(-MAX_REPORTS_PER_PROFILE);
      commit({ ...doc, reports: { ...doc.reports, [profileId]: list } });
      return structuredClone(entry);
    },
    listReports(profileId) {
      requireProfile(profileId);
      return structuredClone(doc.reports[profileId] ?? []);
    },
    getSettings: () => structuredClone(doc.settings),
    updateSettings(patch) {
      const settings = storedSettingsSchema.parse({ ...doc.settings, ...patch });
      commit({ ...doc, settings });
      return structuredClone(settings);
    },
    addImported(items) {
      const progress = { ...doc.progress };
      for (const item of items) if (item.progress) progress[item.profile.id] = item.progress;
      commit({ ...doc, profiles: [...doc.profiles, ...items.map((i) => i.profile)], progress });
    },
    snapshot: () => structuredClone(doc),
    onProfileUpdated(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
