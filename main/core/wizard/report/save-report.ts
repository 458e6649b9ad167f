import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Language } from '@shared/ipc/channels/app';
import { AppError } from '@shared/ipc/result';
import { translator } from '@shared/text/translator';

/** `Einrichtungsbericht-<name>-2026-11-20.html`: only letters, digits, dot, dash and underscore from the profile name. */
export function reportFileName(profileName: string, date: Date, language: Language): string {
  const slug = profileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  const day = date.toISOString().slice(0, 10);
  return `${translator(language).t('report:fileName')}-${slug || 'profile'}-${day}.html`;
}

/**
 * A target path the renderer passed in must name an .html file by absolute path; anything else (relative paths
 * that resolve against an unknown working directory, other extensions, NUL bytes) is refused.
 */
export function checkReportPath(target: string): string {
  if (target.includes('\0') || !path.isAbsolute(target) || !/\.html?$/i.test(target)) {
    throw new AppError('EXPORT_PATH_INVALID', 'The setup report must be saved as an .html file with an absolute path.');
  }
  return path.normalize(target);
}

/**
 * Writes next to the target first and renames, so an existing report is replaced whole or not at all.
 * The folder must exist (the save dialog only offers existing ones); no directories are created on request.
 */
export async function writeReportFile(target: string, html: string): Promise<number> {
  const bytes = Buffer.byteLength(html, 'utf8');
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, html, { encoding: 'utf8', mode: 0o644 });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    throw new AppError(
      'EXPORT_WRITE_FAILED',
      `The setup report could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  return bytes;
}
