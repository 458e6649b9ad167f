import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import { type ImportReport, MAX_IMPORT_BYTES } from '@shared/profile/transfer';

import type { HandlerSlice } from '../ipc/handlers';
import type { Platform } from '../platform';
import type { AppStore } from '../store/app-store';
import { writeFileAtomic } from '../store/atomic-file';
import { authNotSaved, buildExportFile, parseImport } from '../store/profile-transfer';
import { errnoOf, localizedError } from '../store/store-errors';
import type { AuthTransferPort } from '../store/transfer-types';

export type TransferChannel = 'exportProfiles' | 'importProfiles';

const realOrSelf = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/**
 * An export target: an absolute .json path in an existing folder, not a folder itself, and not in the top level
 * of the data folder, where the store, its backups and its lock live (subfolders such as `exports/` are fine).
 */
function checkExportPath(target: string, dataDir: string): string {
  const invalid = () => localizedError('EXPORT_PATH_INVALID');
  if (!path.isAbsolute(target) || !/\.json$/i.test(target)) throw invalid();
  const resolved = path.resolve(target);
  const parent = path.dirname(resolved);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw invalid();
  if (realOrSelf(parent) === realOrSelf(dataDir)) throw invalid();
  if (existsSync(resolved) && !statSync(resolved).isFile()) throw invalid();
  return resolved;
}

function readImportFile(file: string): string | ImportReport {
  const tooLarge: ImportReport = { status: 'rejected', fileProblem: 'too-large', accepted: [], rejected: [] };
  try {
    const st = statSync(file);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (st.size > MAX_IMPORT_BYTES) return tooLarge;
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw localizedError('IMPORT_READ_FAILED', { cause: errnoOf(err) });
  }
}

export interface TransferDeps {
  store: AppStore;
  dataDir: string;
  now: () => Date;
  /** The host's save dialog; without one, `dialog: true` is refused. */
  chooseSavePath?: Platform['chooseSavePath'];
  /** The sign-in track's data (oauth.json); without it, exports carry none and imports ignore it. */
  auth?: AuthTransferPort;
}

/** Adds the valid profiles of an export file in one write and reports, per entry, what was taken over or why not. */
export function importProfiles(
  { store, now, auth }: Pick<TransferDeps, 'store' | 'now' | 'auth'>,
  input: { contents: string } | { path: string },
): ImportReport {
  const text = 'contents' in input ? input.contents : readImportFile(input.path);
  if (typeof text !== 'string') return text;
  const existingIds = new Set(store.listProfiles().map((p) => p.id));
  const { report, items } = parseImport(text, {
    existingIds,
    newId: randomUUID,
    now: now(),
    acceptAuth: auth !== undefined,
  });
  if (items.length === 0) return report;
  // One write for all accepted profiles: either all of them land or (STORE_WRITE_FAILED) none.
  store.addImported(items);
  if (!auth) return report;
  try {
    // Every new profile gets exactly what the file says, replacing whatever an earlier profile with a reused
    // id may have left behind.
    auth.restore(items.map((i) => ({ profileId: i.profile.id, auth: i.auth ?? null })));
    return report;
  } catch {
    return authNotSaved(report);
  }
}

export function createTransferHandlers({
  store,
  dataDir,
  now,
  chooseSavePath,
  auth,
}: TransferDeps): HandlerSlice<TransferChannel> {
  return {
    async exportProfiles({ path: requested, dialog, profileIds }) {
      const at = now();
      const file = buildExportFile(store.snapshot(), at, profileIds, auth ? (id) => auth.exportOf(id) : undefined);
      const contents = `${JSON.stringify(file, null, 2)}\n`;
      const fileName = `mailadapter-profiles-${at.toISOString().slice(0, 10)}.json`;
      const count = file.profiles.length;
      let target = requested;
      if (target === undefined && dialog) {
        if (!chooseSavePath) throw localizedError('EXPORT_PATH_INVALID');
        const chosen = await chooseSavePath(fileName, [{ name: 'JSON', extensions: ['json'] }]);
        if (chosen === null) return { fileName, contents, path: null, count, cancelled: true };
        target = chosen;
      }
      if (target === undefined) return { fileName, contents, path: null, count };
      const resolved = checkExportPath(target, dataDir);
      try {
        writeFileAtomic(resolved, contents);
      } catch (err) {
        throw localizedError('EXPORT_WRITE_FAILED', { cause: errnoOf(err) });
      }
      return { fileName, contents, path: resolved, count };
    },
    importProfiles: (input) => importProfiles({ store, now, ...(auth ? { auth } : {}) }, input),
  };
}
