import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see either the old or the new contents, never a mix: temp file in the same
 * folder, fsync, rename. On failure the temp file is removed and the original stays untouched.
 */
export function writeFileAtomic(filePath: string, contents: string, mode = 0o600): void {
  const tmp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    writeSync(fd, contents, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, filePath);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the original error matters
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file may never have been created
    }
    throw err;
  }
}

/** A file-name-safe timestamp (no colons, which Windows forbids). */
export const fileTimestamp = (date: Date): string => date.toISOString().replace(/:/g, '-').replace(/\./g, '-');
