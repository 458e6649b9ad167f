/**
 * Export and import of profiles (with wizard progress and sign-in track, never secrets) as a JSON file. Import
 * validates every profile on its own and reports what it took and what it refused and why; the file as a whole is
 * refused when it is too large, not JSON, of another format, or carries prototype-reaching keys outside a profile.
 * A settings file (store.json, e.g. one moved aside after damage) is read like an export of this machine.
 * Sign-in data that fails validation is dropped and reported without costing the profile its import.
 */
import { exportedBridgeSchema } from '@shared/bridge/host-settings';
import { DISTINCT_IDS_ISSUE, distinctIds, registrationShape } from '@shared/oauth/registration';
import { trackSchema } from '@shared/oauth/state';
import { type Profile, profileDraftSchema, profileIdSchema } from '@shared/profile/profile';
import { wizardProgressSchema } from '@shared/profile/progress';
import { isoTimestampSchema } from '@shared/profile/timestamp';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportedAuth,
  type ExportedProfile,
  type ExportFile,
  type ImportAccepted,
  type ImportFileProblem,
  type ImportRejection,
  type ImportReport,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_PROFILES,
} from '@shared/profile/transfer';
import { z } from 'zod';

import { settingsFileAsExport } from './backup-import';
import { findForbiddenKeys } from './forbidden-keys';
import type { ImportItem, StoreDocumentView } from './transfer-types';

export function buildExportFile(
  doc: StoreDocumentView,
  exportedAt: Date,
  profileIds?: readonly string[],
  authOf?: (profileId: string) => ExportedAuth | undefined,
  bridgeOf?: (profileId: string) => ExportedProfile['bridge'],
): ExportFile {
  const wanted = profileIds ? new Set(profileIds) : undefined;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    profiles: doc.profiles
      .filter((p) => !wanted || wanted.has(p.id))
      .map((p) => {
        const progress = doc.progress[p.id];
        const auth = authOf?.(p.id);
        const bridge = bridgeOf?.(p.id);
        return { ...p, ...(progress ? { progress } : {}), ...(auth ? { auth } : {}), ...(bridge ? { bridge } : {}) };
      }),
  };
}

/**
 * `auth` as version 2 writes it. Tenant and client ID pass the same rules as when typed in (GUID, or a verified
 * domain for the tenant; no multi-tenant alias); unknown fields (a token someone pasted in) are dropped.
 */
const importedAuthSchema = z.object({
  track: trackSchema.nullable().default(null),
  registration: z.object(registrationShape).refine(distinctIds, DISTINCT_IDS_ISSUE).nullable().default(null),
});

/** The draft's fields and defaults; unknown fields are dropped (newer exporters), wrong types refuse the profile. */
const importedProfileSchema = z.object({
  ...profileDraftSchema.shape,
  id: z.unknown().optional(),
  createdAt: isoTimestampSchema.optional(),
  progress: wizardProgressSchema.optional(),
  // Checked on its own (below): a bad registration costs only itself, not the profile.
  auth: z.unknown().optional(),
  bridge: z.unknown().optional(),
});

// Wrapped so zod's messages name their field as `bridge.…`; unknown fields (a password hash someone kept) are dropped.
const bridgeFieldSchema = z.object({ bridge: exportedBridgeSchema });

function parseBridge(raw: unknown): { bridge?: ExportedProfile['bridge']; rejection?: string[] } {
  if (raw === undefined) return {};
  const stripped =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? Object.fromEntries(Object.entries(raw).filter(([k]) => Object.hasOwn(exportedBridgeSchema.shape, k)))
      : raw;
  const parsed = bridgeFieldSchema.safeParse({ bridge: stripped });
  return parsed.success ? { bridge: parsed.data.bridge } : { rejection: fieldReasons(parsed.error) };
}

const fileShapeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  profiles: z.array(z.unknown()),
});

export interface ParsedImport {
  report: ImportReport;
  items: ImportItem[];
  /** 'settings': the file was a settings file (store.json, e.g. moved aside), not an export. */
  source: 'export' | 'settings';
}

const refuse = (problem: ImportFileProblem, rejected: ImportRejection[] = []): ParsedImport => ({
  report: { status: 'rejected', fileProblem: problem, accepted: [], rejected },
  items: [],
  source: 'export',
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
  /** Whether sign-in data can be restored here; without it, `auth` in the file is ignored. */
  acceptAuth?: boolean;
  /** Whether bridge settings can be restored here; without it, `bridge` in the file is ignored. */
  acceptBridge?: boolean;
  /** Larger texts are refused (default MAX_IMPORT_BYTES; a moved-aside settings file may be larger). */
  maxBytes?: number;
}

type AuthOutcome = { auth?: ExportedAuth; rejection?: string[] };

// Wrapped so zod's own messages name their field as `auth.…`; field codes (`tenant.invalid`) stay as they are.
const authFieldSchema = z.object({ auth: importedAuthSchema });

function parseAuth(raw: unknown): AuthOutcome {
  if (raw === undefined) return {};
  const parsed = authFieldSchema.safeParse({ auth: raw });
  if (!parsed.success) return { rejection: fieldReasons(parsed.error) };
  const { track, registration } = parsed.data.auth;
  return track === null && registration === null ? {} : { auth: { track, registration } };
}

export function parseImport(text: string, opts: ParseImportOptions): ParsedImport {
  if (Buffer.byteLength(text, 'utf8') > (opts.maxBytes ?? MAX_IMPORT_BYTES)) return refuse('too-large');
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
  const fromSettings = settingsFileAsExport(raw);
  const source: ParsedImport['source'] = fromSettings ? 'settings' : 'export';
  const marked = fromSettings ? ({ source: 'settings' } as const) : {};
  const shape = fileShapeSchema.safeParse(fromSettings ?? raw);
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
    const { id: fileId, progress, createdAt, auth: rawAuth, bridge: rawBridge, ...fields } = parsed.data;
    const idOk = profileIdSchema.safeParse(fileId);
    // A settings file's connection that is already here was imported before: taking it again would only add a copy.
    if (source === 'settings' && idOk.success && usedIds.has(idOk.data)) {
      rejected.push({ index, displayName: fields.displayName, reasons: ['already-present'] });
      return;
    }
    const keepId = idOk.success && !usedIds.has(idOk.data);
    const id = keepId ? idOk.data : opts.newId();
    usedIds.add(id);
    const profile: Profile = { id, ...fields, createdAt: createdAt ?? at, updatedAt: at };
    // Version 1 never wrote `auth`; whatever a v1 file has there is ignored like any unknown field.
    const { auth, rejection } = opts.acceptAuth && shape.data.version >= 2 ? parseAuth(rawAuth) : {};
    if (rejection) rejected.push({ index, displayName: profile.displayName, reasons: rejection, part: 'auth' });
    const { bridge, rejection: bridgeRejection } = opts.acceptBridge ? parseBridge(rawBridge) : {};
    if (bridgeRejection) {
      rejected.push({ index, displayName: profile.displayName, reasons: bridgeRejection, part: 'bridge' });
    }
    items.push({
      profile,
      ...(progress ? { progress } : {}),
      ...(auth ? { auth } : {}),
      ...(bridge ? { bridge } : {}),
    });
    accepted.push({
      index,
      id,
      displayName: profile.displayName,
      idChanged: !keepId,
      withProgress: progress !== undefined,
      withAuth: auth !== undefined,
    });
  });

  if (accepted.length === 0) {
    return {
      report: { status: 'rejected', ...marked, fileProblem: 'no-valid-profiles', accepted, rejected },
      items: [],
      source,
    };
  }
  const status = rejected.length ? 'partial' : 'imported';
  return { report: { status, ...marked, fileProblem: null, accepted, rejected }, items, source };
}

/** The report after the profiles were stored but their sign-in data could not be: that part counts as refused. */
export function authNotSaved(report: ImportReport): ImportReport {
  const lost = report.accepted.filter((a) => a.withAuth);
  if (lost.length === 0) return report;
  return {
    ...report,
    status: 'partial',
    accepted: report.accepted.map((a) => ({ ...a, withAuth: false })),
    rejected: [
      ...report.rejected,
      ...lost.map((a) => ({
        index: a.index,
        displayName: a.displayName,
        reasons: ['auth.notSaved'],
        part: 'auth' as const,
      })),
    ].sort((x, y) => x.index - y.index),
  };
}

/** The report of a settings-file import: which connections find their sign-in data (kept by id) again. */
export function withKnownAuth(report: ImportReport, hasAuth: (profileId: string) => boolean): ImportReport {
  return { ...report, accepted: report.accepted.map((a) => ({ ...a, withAuth: !a.idChanged && hasAuth(a.id) })) };
}
