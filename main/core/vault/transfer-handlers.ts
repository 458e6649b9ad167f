import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import { type ImportReport, MAX_IMPORT_BYTES } from '@shared/profile/transfer';

import type { HandlerSlice } from '../ipc/handlers';
import type { Platform } from '../platform';
import type { AppStore } from '../store/app-store';
import { writeFileAtomic } from '../store/atomic-file';
import { authNotSaved, buildExportFile, parseImport, withKnownAuth } from '../store/profile-transfer';
import { MAX_STORE_BYTES } from '../store/store-document';
import { errnoOf, localizedError } from '../store/store-errors';
import type { AuthTransferPort, BridgeTransferPort } from '../store/transfer-types';

export type TransferChannel = 'exportProfiles' | 'importProfiles' | 'importMovedAside';

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

function readImportFile(file: string, maxBytes = MAX_IMPORT_BYTES): string | ImportReport {
  const tooLarge: ImportReport = { status: 'rejected', fileProblem: 'too-large', accepted: [], rejected: [] };
  try {
    const st = statSync(file);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (st.size > maxBytes) return tooLarge;
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
  /** The bridges' settings (bridge.json); without it, exports carry none and imports ignore them. */
  bridge?: BridgeTransferPort;
  /** The moved-aside settings file a start-up notice names; undefined for any other notice id. */
  movedAsideFile?: (noticeId: string) => string | undefined;
}

export function createTransferHandlers({
  store,
  dataDir,
  now,
  chooseSavePath,
  auth,
  bridge,
  movedAsideFile,
}: TransferDeps): HandlerSlice<TransferChannel> {
  const importText = (text: string, maxBytes?: number): ImportReport => {
    const existingIds = new Set(store.listProfiles().map((p) => p.id));
    const { report, items, source } = parseImport(text, {
      existingIds,
      newId: randomUUID,
      now: now(),
      acceptAuth: auth !== undefined,
      acceptBridge: bridge !== undefined,
      ...(maxBytes ? { maxBytes } : {}),
    });
    if (items.length === 0) return report;
    // One write for all accepted profiles: either all of them land or (STORE_WRITE_FAILED) none.
    store.addImported(items);
    const withBridge = items.filter((i) => i.bridge !== undefined);
    if (bridge && source === 'export' && withBridge.length > 0) {
      try {
        bridge.restore(withBridge.map((i) => ({ profileId: i.profile.id, bridge: i.bridge! })));
      } catch {
        // The connections are in; only their bridge settings are missing, and the admin sets them up again.
      }
    }
    if (!auth) return report;
    // A settings file's connections keep their ids, so their sign-in data (still in oauth.json) applies again as
    // it is; restoring would reset the signed-in account.
    if (source === 'settings') return withKnownAuth(report, (id) => auth.exportOf(id) !== undefined);
    try {
      // Every new profile gets exactly what the file says, replacing whatever an earlier profile with a reused
      // id may have left behind.
      auth.restore(items.map((i) => ({ profileId: i.profile.id, auth: i.auth ?? null })));
      return report;
    } catch {
      return authNotSaved(report);
    }
  };

  return {
    async exportProfiles({ path: requested, dialog, profileIds }) {
      const at = now();
      const file = buildExportFile(
        store.snapshot(),
        at,
        profileIds,
        auth ? (id) => auth.exportOf(id) : undefined,
        bridge ? (id) => bridge.exportOf(id) : undefined,
      );
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
    importProfiles(input) {
      const text = 'contents' in input ? input.contents : readImportFile(input.path);
      return typeof text === 'string' ? importText(text) : text;
    },
    importMovedAside({ noticeId }) {
      const file = movedAsideFile?.(noticeId);
      if (!file) throw localizedError('IMPORT_READ_FAILED', { cause: 'NO_MOVED_ASIDE_FILE' });
      const text = readImportFile(file, MAX_STORE_BYTES);
      return typeof text === 'string' ? importText(text, MAX_STORE_BYTES) : text;
    },
  };
}
