// Channels and events for logs, support bundle, about.
import { z } from 'zod';

import { channel } from '../define';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export const logLevelSchema = z.enum(LOG_LEVELS);
export type LogLevelSetting = z.infer<typeof logLevelSchema>;

export interface LogSettings {
  level: LogLevelSetting;
  /** Folder the log files are in (shown to the user; home folder abbreviated as ~). */
  directory: string;
}

/** One file of a support bundle, exactly as it will be written (already redacted). */
export interface SupportBundleFile {
  name: string;
  bytes: number;
  content: string;
}

export interface SupportBundlePreview {
  /** Pass to saveSupportBundle: what is saved is what was shown, byte for byte. */
  previewId: string;
  createdAt: string;
  /** Suggested file name for the zip. */
  fileName: string;
  files: SupportBundleFile[];
  totalBytes: number;
}

export type SaveSupportBundleResult =
  { saved: true; path: string; bytes: number; files: string[] } | { saved: false; reason: 'cancelled' };

export const supportChannels = {
  /** Collects logs, versions, settings and the last test reports — redacted — and lists them for the user. */
  previewSupportBundle: channel(z.undefined()).returns<SupportBundlePreview>(),
  /**
   * Writes the previewed bundle as a zip where the user chooses (the harness: its data dir), leaving out the
   * files named in `omit`. An unknown or expired preview gives SUPPORT_PREVIEW_EXPIRED.
   */
  saveSupportBundle: channel(
    z
      .object({
        previewId: z.string().min(8).max(64),
        omit: z.array(z.string().min(1).max(200)).max(100).optional(),
      })
      .strict(),
  ).returns<SaveSupportBundleResult>(),
  getLogSettings: channel(z.undefined()).returns<LogSettings>(),
  setLogLevel: channel(z.object({ level: logLevelSchema }).strict()).returns<LogSettings>(),
  /** The renderer's error boundary reports what it caught; main logs it (redacted). */
  reportRendererError: channel(
    z
      .object({
        message: z.string().max(4000),
        stack: z.string().max(20_000).optional(),
        componentStack: z.string().max(20_000).optional(),
      })
      .strict(),
  ).returns<{ logged: true }>(),
};

export const supportEvents = {};

/** One bundled production dependency, as listed in `licenses.json` next to the renderer (generated at build time). */
export interface LicenseEntry {
  name: string;
  version: string;
  /** SPDX expression from the package's manifest, or 'UNKNOWN'. */
  license: string;
  repository?: string;
  /** The package's licence file, when it ships one. */
  text?: string;
}

export interface LicensesFile {
  generatedAt: string;
  packages: LicenseEntry[];
}

/** Served from the renderer's folder (`out/renderer/licenses.json`), fetched by the About dialog. */
export const LICENSES_FILE = 'licenses.json';
