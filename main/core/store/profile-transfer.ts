/**
 * Export and import of profiles (with wizard progress, never secrets) as a JSON file. Import validates every
 * profile on its own and reports what it took and what it refused and why; the file as a whole is refused when it
 * is too large, not JSON, of another format, or carries prototype-reaching keys outside a profile.
 */
import { z } from 'zod';
import { profileDraftSchema, profileIdSchema, type Profile } from '../../shared/profile/profile';
import { wizardProgressSchema } from '../../shared/profile/progress';
import { isoTimestampSchema } from '../../shared/profile/timestamp';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_PROFILES,
  type ExportFile,
  type ImportAccepted,
  type ImportFileProblem,
  type ImportRejection,
  type ImportReport,
} from '../../shared/profile/transfer';
import type { ImportItem, StoreDocumentView } from './transfer-types';
import { findForbiddenKeys } from './forbidden-keys';

export function buildExportFile(doc: StoreDocumentView, exportedAt: Date, profileIds?: readonly string[]): ExportFile {
  const wanted = profileIds ? new Set(profileIds) : undefined;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    profiles: doc.profiles
      .filter((p) => !wanted || wanted.has(p.id))
      .map((p) => {
        const progress = doc.progress[p.id];
        return progress ? { ...p, progress } : { ...p };
      }),
  };
}

/** The draft's fields and defaults; unknown fields are dropped (newer exporters), wrong types refuse the profile. */
const importedProfileSchema = z.object({
  ...profileDraftSchema.shape,
  id: z.unknown().optional(),
  createdAt: isoTimestampSchema.optional(),
  progress: wizardProgressSchema.optional(),
});

const fileShapeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  profiles: z.array(z.unknown()),
});

export interface ParsedImport {
  report: ImportReport;
  items: ImportItem[];
}

const refuse = (problem: ImportFileProblem, rejected: ImportRejection[] = []): ParsedImport => ({
  report: { status: 'rejected', fileProblem: problem, accepted: [], rejected },
  items: [],
});

function displayNameOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const name = (value as { displayName?: unknown }).displayName;
  return typeof name === 'string' ? name.slice(0, 80) : null;
}

function fieldReasons(error: z.ZodError): string[] {
  const reasons = error.issues.map((i) => {
    const field = i.path.map(String).join('.');
    // Field codes ('port.invalid') already name their field; zod's own messages get the path prepended.
    return /^[a-zA-Z]+\.[a-zA-Z]+$/.test(i.message) ? i.message : `${field || '(profile)'}: ${i.message}`;
  });
  return [...new Set(reasons)];
}

export interface ParseImportOptions {
  existingIds: ReadonlySet<string>;
  newId: () => string;
  now: Date;
}

export function parseImport(text: string, opts: ParseImportOptions): ParsedImport {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) return refuse('too-large');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('not-json');
  }
  const forbidden = findForbiddenKeys(raw);
  if (forbidden.some((p) => p[0] !== 'profiles' || typeof p[1] !== 'number' || p.length < 3)) {
    return refuse('forbidden-key', [{ index: -1, displayName: null, reasons: ['forbidden-key'] }]);
  }
  const shape = fileShapeSchema.safeParse(raw);
  if (!shape.success) return refuse('wrong-format');
  if (shape.data.version > EXPORT_FORMAT_VERSION || shape.data.version < 1) return refuse('unsupported-version');
  if (shape.data.profiles.length > MAX_IMPORT_PROFILES) return refuse('too-many-profiles');

  const pollutedIndexes = new Set(forbidden.map((p) => p[1] as number));
  const usedIds = new Set(opts.existingIds);
  const accepted: ImportAccepted[] = [];
  const rejected: ImportRejection[] = [];
  const items: ImportItem[] = [];
  const at = opts.now.toISOString();

  shape.data.profiles.forEach((entry, index) => {
    const displayName = displayNameOf(entry);
    if (pollutedIndexes.has(index)) {
      rejected.push({ index, displayName, reasons: ['forbidden-key'] });
      return;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      rejected.push({ index, displayName: null, reasons: ['not-an-object'] });
      return;
    }
    const parsed = importedProfileSchema.safeParse(entry);
    if (!parsed.success) {
      rejected.push({ index, displayName, reasons: fieldReasons(parsed.error) });
      return;
    }
    const { id: fileId, progress, createdAt, ...fields } = parsed.data;
    const idOk = profileIdSchema.safeParse(fileId);
    const keepId = idOk.success && !usedIds.has(idOk.data);
    const id = keepId ? idOk.data : opts.newId();
    usedIds.add(id);
    const profile: Profile = { id, ...fields, createdAt: createdAt ?? at, updatedAt: at };
    items.push(progress ? { profile, progress } : { profile });
    accepted.push({ index, id, displayName: profile.displayName, idChanged: !keepId, withProgress: progress !== undefined });
  });

  if (accepted.length === 0) {
    return { report: { status: 'rejected', fileProblem: 'no-valid-profiles', accepted, rejected }, items: [] };
  }
  return { report: { status: rejected.length ? 'partial' : 'imported', fileProblem: null, accepted, rejected }, items };
}
