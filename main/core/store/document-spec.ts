/**
 * What a JSON document of the data folder declares about itself, so that one primitive (durable-document.ts) can
 * open, upgrade, validate, recover and write every one of them the same way. Adding a document means writing one
 * spec and adding its name to DATA_DOCUMENT_NAMES (main/shared/profile/notices.ts) for the notice texts.
 */
import type { DataDocumentName } from '@shared/profile/notices';
import type { z } from 'zod';

export type RawDocument = Record<string, unknown>;
/** Turns version N into N+1; may assume only what version N guaranteed (the schema checks the result). */
export type Migration = (doc: RawDocument) => RawDocument;

export interface Salvaged<T> {
  document: T;
  kept: number;
  dropped: number;
}

export interface DocumentSpec<T> {
  name: DataDocumentName;
  /** The current version, written into `versionKey`. */
  version: number;
  /** The field that holds the version (`schemaVersion` in store.json, `version` elsewhere). */
  versionKey: string;
  /** The version a file without `versionKey` has; without it, such a file is invalid. */
  unversioned?: number;
  /** Keyed by the version a step upgrades *from*. */
  migrations?: Readonly<Record<number, Migration>>;
  schema: z.ZodType<T>;
  empty(): T;
  /** Larger files are moved aside unread, and a write that would exceed it is refused. */
  maxBytes: number;
  /**
   * false only where every mutation already validates the part it changes (the store: 1,000 profiles re-parsed on
   * each write doubled its write time). Default true: the whole document is validated before it is written.
   */
  validateWrites?: boolean;
  /** Drops dangling parts of a valid document; returns undefined when nothing changed. */
  normalize?(doc: T): T | undefined;
  /**
   * For documents keyed by connection: the valid entries of a current-version file that failed validation as a
   * whole, so one damaged entry does not cost the others. The original is still moved aside with a notice.
   */
  salvage?(raw: RawDocument): Salvaged<T> | undefined;
}

/** What a versioned document holds besides its version. */
type Content<T> = Omit<T, 'version'>;

/**
 * The spec of a document that keeps its version in `version` (every one but store.json, which began without one):
 * the version is written into the empty document and into what salvage keeps, so the spec describes only content.
 */
export function versionedDocumentSpec<T extends { version: number }>(spec: {
  name: DataDocumentName;
  version: T['version'];
  schema: z.ZodType<T>;
  empty(): Content<T>;
  maxBytes: number;
  salvage?(raw: RawDocument): Salvaged<Content<T>> | undefined;
}): DocumentSpec<T> {
  const { empty, salvage, ...rest } = spec;
  // Content<T> plus T's own version is T; TypeScript cannot see that through Omit.
  const withVersion = (content: Content<T>) => ({ version: spec.version, ...content }) as T;
  return {
    ...rest,
    versionKey: 'version',
    empty: () => withVersion(empty()),
    ...(salvage
      ? {
          salvage(raw: RawDocument) {
            const kept = salvage(raw);
            return kept && { ...kept, document: withVersion(kept.document) };
          },
        }
      : {}),
  };
}

export type MigrationOutcome =
  | { kind: 'current'; document: RawDocument }
  | { kind: 'migrated'; document: RawDocument; fromVersion: number }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid' };

export const isRawDocument = (v: unknown): v is RawDocument => typeof v === 'object' && v !== null && !Array.isArray(v);

export function versionOf(doc: RawDocument, spec: Pick<DocumentSpec<unknown>, 'versionKey' | 'unversioned'>) {
  if (!(spec.versionKey in doc)) return spec.unversioned;
  const v = doc[spec.versionKey];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
}

/** Runs the chain of steps from the file's version up to the spec's; a missing step makes the file invalid. */
export function migrateRaw(
  raw: unknown,
  spec: Pick<DocumentSpec<unknown>, 'version' | 'versionKey' | 'unversioned' | 'migrations'>,
): MigrationOutcome {
  if (!isRawDocument(raw)) return { kind: 'invalid' };
  const fromVersion = versionOf(raw, spec);
  if (fromVersion === undefined) return { kind: 'invalid' };
  if (fromVersion > spec.version) return { kind: 'newer', version: fromVersion };
  if (fromVersion === spec.version) return { kind: 'current', document: raw };
  let doc = raw;
  for (let v = fromVersion; v < spec.version; v++) {
    const step = spec.migrations?.[v];
    if (!step) return { kind: 'invalid' };
    doc = step(doc);
  }
  return { kind: 'migrated', document: doc, fromVersion };
}

/**
 * Salvage for a document whose entries sit in one record under `field`, keyed by connection id: the entries whose
 * key and value are valid are kept. Undefined when the record itself is missing, so there is nothing to salvage.
 */
export function salvageRecord<T, E>(
  raw: RawDocument,
  field: string,
  schemas: { key: z.ZodType<string>; entry: z.ZodType<E> },
  build: (entries: Record<string, E>) => T,
): Salvaged<T> | undefined {
  const record = raw[field];
  if (!isRawDocument(record)) return undefined;
  const kept = new Map<string, E>();
  let dropped = 0;
  for (const [key, value] of Object.entries(record)) {
    const parsed = schemas.entry.safeParse(value);
    if (parsed.success && schemas.key.safeParse(key).success) kept.set(key, parsed.data);
    else dropped++;
  }
  return { document: build(Object.fromEntries(kept)), kept: kept.size, dropped };
}
