/**
 * One JSON document of the data folder, opened so that nothing in its file can stop the app and written so that
 * nothing is ever lost:
 * - reading: size cap, JSON parse, versioned migrations (the original kept as `<name>.v<n>-backup-<time>.json`),
 *   schema validation. An oversized, unreadable, non-JSON, invalid or newer-version file is moved aside as
 *   `<name>.corrupt-<time>.json` and reported as a load event (a notice); the document starts empty, or with the
 *   entries its spec could salvage.
 * - writing: validated, size-checked, written atomically, and only then current. A failure leaves file and memory
 *   as they were. A file that could not be moved aside is never written over.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

import type { DataDocumentName, StoreRecoveryReason } from '@shared/profile/notices';

import { fileTimestamp, writeFileAtomic } from './atomic-file';
import type { StoreBackend, StoreBackendFactory } from './backend';
import { type DocumentSpec, isRawDocument, migrateRaw } from './document-spec';
import { errnoOf, localizedError } from './store-errors';

export type LoadEvent =
  | {
      kind: 'recovered';
      document: DataDocumentName;
      reason: StoreRecoveryReason;
      backupPath: string | null;
      salvaged?: { kept: number; dropped: number };
    }
  | { kind: 'migrated'; document: DataDocumentName; fromVersion: number; toVersion: number; backupPath: string | null };

export interface DurableDocument<T> {
  readonly filePath: string;
  /** What happened while opening (recovery, migration), for notices. */
  readonly events: readonly LoadEvent[];
  /** The current, validated document. Shared, not copied: callers must not change it. */
  current(): T;
  /**
   * Validates, writes atomically, then makes `next` current. A failed write changes nothing and throws
   * STORE_WRITE_FAILED with `details.cause`: an errno code, `TOO_LARGE` or `NOT_SET_ASIDE` (never user data).
   */
  replace(next: T): void;
}

const writeFailed = (cause: string) => localizedError('STORE_WRITE_FAILED', { cause });

export interface OpenDocumentOptions {
  dataDir: string;
  /** File name without `.json`; defaults to the spec's name. */
  fileName?: string;
  /** What writes the file; by default an atomic write of compact JSON. */
  backend?: StoreBackendFactory;
  now?: Date;
}

type Inspection =
  { ok: true; exists: false } | { ok: true; exists: true; raw: unknown } | { ok: false; reason: StoreRecoveryReason };

function inspectFile(filePath: string, maxBytes: number): Inspection {
  let size: number;
  try {
    const st = statSync(filePath);
    if (!st.isFile()) return { ok: false, reason: 'unreadable' };
    size = st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, exists: false };
    return { ok: false, reason: 'unreadable' };
  }
  if (size > maxBytes) return { ok: false, reason: 'too-large' };
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

type Verdict<T> =
  | { ok: true; document: T; migratedFrom?: number; changed: boolean }
  | { ok: false; reason: StoreRecoveryReason; salvaged?: { document: T; kept: number; dropped: number } };

function judge<T>(spec: DocumentSpec<T>, inspection: Inspection): Verdict<T> {
  if (!inspection.ok) return inspection;
  if (!inspection.exists) return { ok: true, document: spec.empty(), changed: false };
  const migrated = migrateRaw(inspection.raw, spec);
  if (migrated.kind === 'newer') return { ok: false, reason: 'newer-version' };
  if (migrated.kind === 'invalid') return { ok: false, reason: 'schema' };
  const parsed = spec.schema.safeParse(migrated.document);
  if (!parsed.success) {
    const rescued =
      migrated.kind === 'current' && isRawDocument(migrated.document) && spec.salvage?.(migrated.document);
    const valid = rescued && spec.schema.safeParse(rescued.document).success;
    return valid ? { ok: false, reason: 'schema', salvaged: rescued } : { ok: false, reason: 'schema' };
  }
  const normalized = spec.normalize?.(parsed.data);
  const document = normalized ?? parsed.data;
  return migrated.kind === 'migrated'
    ? { ok: true, document, migratedFrom: migrated.fromVersion, changed: true }
    : { ok: true, document, changed: normalized !== undefined };
}

function uniquePath(dir: string, base: string, ext: string): string {
  let candidate = path.join(dir, `${base}${ext}`);
  for (let i = 1; existsSync(candidate); i++) candidate = path.join(dir, `${base}-${i}${ext}`);
  return candidate;
}

/** Moves (or copies) the file to a timestamped name next to it; null when that failed (read-only folder). */
export function setAside(filePath: string, label: string, now: Date, how: 'move' | 'copy'): string | null {
  const stem = path.basename(filePath, '.json');
  const target = uniquePath(path.dirname(filePath), `${stem}.${label}-${fileTimestamp(now)}`, '.json');
  try {
    if (how === 'move') renameSync(filePath, target);
    else copyFileSync(filePath, target);
    return target;
  } catch {
    return null;
  }
}

/** The default writer: compact JSON, owner-only, atomic; creates the data folder when it is missing. */
export const atomicJsonBackend: StoreBackendFactory = ({ cwd, name }) => {
  const filePath = path.resolve(cwd, `${name}.json`);
  return {
    filePath,
    read: () => (existsSync(filePath) ? (JSON.parse(readFileSync(filePath, 'utf8')) as unknown) : {}),
    write(document) {
      mkdirSync(cwd, { recursive: true });
      writeFileAtomic(filePath, JSON.stringify(document));
    },
  };
};

export function openDurableDocument<T extends object>(
  spec: DocumentSpec<T>,
  opts: OpenDocumentOptions,
): DurableDocument<T> {
  const now = opts.now ?? new Date();
  const fileName = opts.fileName ?? spec.name;
  const filePath = path.resolve(opts.dataDir, `${fileName}.json`);
  const events: LoadEvent[] = [];
  const verdict = judge(spec, inspectFile(filePath, spec.maxBytes));
  let document: T;
  let dirty: boolean;
  // An original still in place that must be set aside before anything may replace it (the first try failed).
  let pendingAside: { label: string; how: 'move' | 'copy' } | null = null;
  if (verdict.ok) {
    document = verdict.document;
    dirty = verdict.changed;
    if (verdict.migratedFrom !== undefined) {
      const label = `v${verdict.migratedFrom}-backup`;
      const backupPath = setAside(filePath, label, now, 'copy');
      events.push({
        kind: 'migrated',
        document: spec.name,
        fromVersion: verdict.migratedFrom,
        toVersion: spec.version,
        backupPath,
      });
      if (backupPath === null) pendingAside = { label, how: 'copy' };
    }
  } else {
    const backupPath = setAside(filePath, 'corrupt', now, 'move');
    if (backupPath === null && existsSync(filePath)) pendingAside = { label: 'corrupt', how: 'move' };
    const salvaged = verdict.salvaged;
    events.push({
      kind: 'recovered',
      document: spec.name,
      reason: verdict.reason,
      backupPath,
      ...(salvaged ? { salvaged: { kept: salvaged.kept, dropped: salvaged.dropped } } : {}),
    });
    document = salvaged ? salvaged.document : spec.empty();
    dirty = true;
  }

  const backend = lazyBackend(
    filePath,
    () => (opts.backend ?? atomicJsonBackend)({ cwd: opts.dataDir, name: fileName }),
    now,
  );

  const write = (next: T): void => {
    const checked = spec.validateWrites === false ? next : spec.schema.parse(next);
    if (Buffer.byteLength(JSON.stringify(checked), 'utf8') > spec.maxBytes) throw writeFailed('TOO_LARGE');
    if (pendingAside) {
      if (setAside(filePath, pendingAside.label, new Date(), pendingAside.how) === null) {
        throw writeFailed('NOT_SET_ASIDE');
      }
      pendingAside = null;
    }
    try {
      backend.write(checked);
    } catch (err) {
      throw writeFailed(errnoOf(err));
    }
    document = checked;
  };

  if (dirty) {
    // Persist a migration, recovery or clean-up now; if the folder is not writable the app still runs from memory
    // and the next change reports the failure.
    try {
      write(document);
    } catch {
      /* reported on the next write */
    }
  }

  return { filePath, events, current: () => document, replace: write };
}

/**
 * A backend such as conf reads and parses the whole file when constructed; the document has just done that itself,
 * so construction waits for the first write. If the file turned corrupt in between, the backend throws: the file is
 * moved aside (kept) and the current document replaces it.
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

/** One English line for the log (file names only; the folder is the data folder). */
export function describeLoadEvent(e: LoadEvent): string {
  const aside = e.backupPath ? path.basename(e.backupPath) : null;
  if (e.kind === 'migrated') {
    return `${e.document}.json upgraded from version ${e.fromVersion} to ${e.toVersion}; old copy ${aside ?? 'not kept'}`;
  }
  const kept = e.salvaged ? `, ${e.salvaged.kept} entries kept, ${e.salvaged.dropped} left out` : '';
  return `${e.document}.json could not be read (${e.reason})${kept}; ${aside ? `moved aside as ${aside}` : 'left in place (read-only)'}`;
}
