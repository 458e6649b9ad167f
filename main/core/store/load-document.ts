/**
 * Opening the store file so that nothing in it can stop the app: oversized, unreadable, non-JSON, truncated,
 * schema-violating or newer-version files are moved aside (never deleted) and the app starts clean with a notice.
 * Older versions are migrated, with the original kept as a backup.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

import type { StoreRecoveryReason } from '@shared/profile/notices';

import { fileTimestamp } from './atomic-file';
import type { StoreBackend, StoreBackendFactory } from './backend';
import { migrateDocument } from './migrations';
import { emptyDocument, type StoreDocument, storeDocumentSchema } from './store-document';

/** Far above any real store (1,000 profiles with 20 reports each stay well below); larger means garbage. */
export const MAX_STORE_BYTES = 32 * 1024 * 1024;

export type LoadEvent =
  | { kind: 'recovered'; reason: StoreRecoveryReason; backupPath: string | null }
  | { kind: 'migrated'; fromVersion: number; backupPath: string | null };

export interface LoadedStore {
  backend: StoreBackend;
  document: StoreDocument;
  events: LoadEvent[];
  /** The document differs from the file (migrated, recovered or normalized) and should be written. */
  dirty: boolean;
}

type Inspection =
  { ok: true; exists: false } | { ok: true; exists: true; raw: unknown } | { ok: false; reason: StoreRecoveryReason };

function inspectFile(filePath: string): Inspection {
  let size: number;
  try {
    const st = statSync(filePath);
    if (!st.isFile()) return { ok: false, reason: 'unreadable' };
    size = st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, exists: false };
    return { ok: false, reason: 'unreadable' };
  }
  if (size > MAX_STORE_BYTES) return { ok: false, reason: 'too-large' };
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  try {
    return { ok: true, exists: true, raw: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'not-json' };
  }
}

function uniquePath(dir: string, base: string, ext: string): string {
  let candidate = path.join(dir, `${base}${ext}`);
  for (let i = 1; existsSync(candidate); i++) candidate = path.join(dir, `${base}-${i}${ext}`);
  return candidate;
}

/**
 * Moves (or copies) the file to a timestamped name next to it; null when that failed (read-only folder) — the app
 * still starts.
 */
function setAside(filePath: string, label: string, now: Date, how: 'move' | 'copy'): string | null {
  const dir = path.dirname(filePath);
  const stem = path.basename(filePath, '.json');
  const target = uniquePath(dir, `${stem}.${label}-${fileTimestamp(now)}`, '.json');
  try {
    if (how === 'move') renameSync(filePath, target);
    else copyFileSync(filePath, target);
    return target;
  } catch {
    return null;
  }
}

/** Drops progress and reports of profiles that no longer exist (e.g. after a hand edit). */
function normalize(doc: StoreDocument): { doc: StoreDocument; changed: boolean } {
  const ids = new Set(doc.profiles.map((p) => p.id));
  const progress = Object.fromEntries(Object.entries(doc.progress).filter(([id]) => ids.has(id)));
  const reports = Object.fromEntries(Object.entries(doc.reports).filter(([id]) => ids.has(id)));
  const changed =
    Object.keys(progress).length !== Object.keys(doc.progress).length ||
    Object.keys(reports).length !== Object.keys(doc.reports).length;
  return { doc: changed ? { ...doc, progress, reports } : doc, changed };
}

type Verdict =
  | { ok: true; document: StoreDocument; migratedFrom?: number; changed: boolean }
  | { ok: false; reason: StoreRecoveryReason };

function judge(inspection: Inspection): Verdict {
  if (!inspection.ok) return inspection;
  if (!inspection.exists) return { ok: true, document: emptyDocument(), changed: false };
  const migrated = migrateDocument(inspection.raw);
  if (migrated.kind === 'newer') return { ok: false, reason: 'newer-version' };
  if (migrated.kind === 'invalid') return { ok: false, reason: 'schema' };
  const parsed = storeDocumentSchema.safeParse(migrated.document);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  const { doc, changed } = normalize(parsed.data);
  return migrated.kind === 'migrated'
    ? { ok: true, document: doc, migratedFrom: migrated.fromVersion, changed: true }
    : { ok: true, document: doc, changed };
}

export function loadDocument(
  dataDir: string,
  factory: StoreBackendFactory,
  name = 'store',
  now = new Date(),
): LoadedStore {
  const filePath = path.resolve(dataDir, `${name}.json`);
  const events: LoadEvent[] = [];
  const verdict = judge(inspectFile(filePath));
  let document: StoreDocument;
  let dirty: boolean;
  if (verdict.ok) {
    document = verdict.document;
    dirty = verdict.changed;
    if (verdict.migratedFrom !== undefined) {
      events.push({
        kind: 'migrated',
        fromVersion: verdict.migratedFrom,
        backupPath: setAside(filePath, `v${verdict.migratedFrom}-backup`, now, 'copy'),
      });
    }
  } else {
    events.push({ kind: 'recovered', reason: verdict.reason, backupPath: setAside(filePath, 'corrupt', now, 'move') });
    document = emptyDocument();
    dirty = true;
  }
  const backend = lazyBackend(filePath, () => factory({ cwd: dataDir, name }), now);
  return { backend, document, events, dirty };
}

/**
 * The backend (conf / electron-store) reads and parses the whole file when constructed; the store has just done
 * that itself, so construction waits for the first write. If the file turned corrupt in between, the backend
 * throws: the file is moved aside (kept) and the current document replaces it.
 */
function lazyBackend(filePath: string, create: () => StoreBackend, now: Date): StoreBackend {
  let real: StoreBackend | undefined;
  const get = (): StoreBackend => {
    if (real) return real;
    try {
      real = create();
    } catch (err) {
      if (setAside(filePath, 'corrupt', now, 'move') === null) throw err;
      real = create();
    }
    return real;
  };
  return { filePath, read: () => get().read(), write: (doc) => get().write(doc) };
}
