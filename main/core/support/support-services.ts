/**
 * Logs and support, assembled for the composition root: the app's redacting file logger, the support-bundle
 * handlers, and the emergency bundle the crash handler writes without asking.
 */
import path from 'node:path';

import type { AppInfo } from '@shared/ipc/channels/app';
import type { LogSettings, SaveSupportBundleResult } from '@shared/ipc/channels/support';
import { AppError } from '@shared/ipc/result';
import type { StoredReport } from '@shared/profile/reports';

import type { HandlerSlice } from '../ipc/handlers';
import { createFileLogger, type FileLogger } from '../log/file-logger';
import { readLogLevel, writeLogLevel } from '../log/log-settings';
import type { Platform } from '../platform';
import {
  bundleFileName,
  collectBundleFiles,
  createPreviewCache,
  MAX_EMERGENCY_BUNDLES,
  pruneBundles,
  type SupportSources,
  writeFileAtomic,
  zipBundle,
} from './support-bundle';

export type SupportChannel =
  'previewSupportBundle' | 'saveSupportBundle' | 'getLogSettings' | 'setLogLevel' | 'reportRendererError';

export const logDirFor = (dataDir: string) => path.join(dataDir, 'logs');
export const emergencyBundleDirFor = (dataDir: string) => path.join(dataDir, 'support');

/** The app's logger for a data dir, at the level the user chose last time. */
export function createAppLogger(dataDir: string, consoleLevel: 'warn' | false = false): FileLogger {
  const dir = logDirFor(dataDir);
  return createFileLogger({ dir, level: readLogLevel(dir), consoleLevel });
}

export interface SupportServiceOptions {
  dataDir: string;
  appInfo: () => AppInfo;
  platform: Pick<Platform, 'chooseSavePath'>;
  sources?: SupportSources;
  /** The Electron edge creates its logger before anything else (to log start-up failures) and passes it in. */
  logger?: FileLogger;
  now?: () => Date;
}

export interface SupportServices {
  logger: FileLogger;
  handlers: HandlerSlice<SupportChannel>;
  /** Writes a full bundle into `<dataDir>/support` without asking (crash path); returns its path. */
  writeEmergencyBundle(): string;
}

/** Recent reports of every profile, for the bundle: the newest `perProfile` of each. */
export function recentReports(
  store: { listProfiles(): { id: string }[]; listReports(profileId: string): StoredReport[] },
  perProfile = 3,
): Record<string, StoredReport[]> {
  return Object.fromEntries(store.listProfiles().map((p) => [p.id, store.listReports(p.id).slice(-perProfile)]));
}

export function createSupportServices(opts: SupportServiceOptions): SupportServices {
  const now = opts.now ?? (() => new Date());
  const logger = opts.logger ?? createAppLogger(opts.dataDir);
  const previews = createPreviewCache();
  const bundleDeps = { appInfo: opts.appInfo, logFiles: () => logger.files(), sources: opts.sources ?? {}, now };
  const logSettings = (): LogSettings => ({
    level: logger.level(),
    // The admin's own folder, shown to the admin to open it: not a secret, and secret redaction would shred
    // folder names that merely look like one ("token=…", long mixed-case names).
    directory: logger.dir,
  });
  const log = logger.child('support');

  const handlers: HandlerSlice<SupportChannel> = {
    previewSupportBundle: () => previews.create(collectBundleFiles(bundleDeps), now()),
    async saveSupportBundle({ previewId, omit }): Promise<SaveSupportBundleResult> {
      const preview = previews.take(previewId, now());
      if (!preview)
        throw new AppError('SUPPORT_PREVIEW_EXPIRED', 'The preview is no longer available; prepare the bundle again.');
      const left = new Set(omit ?? []);
      const files = preview.files.filter((f) => !left.has(f.name));
      if (files.length === 0) throw new AppError('SUPPORT_BUNDLE_EMPTY', 'Every file was left out; nothing to save.');
      const chosen = await opts.platform.chooseSavePath(preview.fileName, [{ name: 'ZIP', extensions: ['zip'] }]);
      if (!chosen) return { saved: false, reason: 'cancelled' };
      const target = chosen.toLowerCase().endsWith('.zip') ? chosen : `${chosen}.zip`;
      const zip = zipBundle(files, new Date(preview.createdAt));
      try {
        writeFileAtomic(target, zip);
      } catch (err) {
        throw new AppError(
          'SUPPORT_BUNDLE_WRITE_FAILED',
          `The bundle could not be written: ${(err as NodeJS.ErrnoException).code ?? 'error'}.`,
        );
      }
      log.info(`support bundle saved (${files.length} files, ${zip.byteLength} bytes)`);
      return { saved: true, path: target, bytes: zip.byteLength, files: files.map((f) => f.name) };
    },
    getLogSettings: () => logSettings(),
    setLogLevel({ level }) {
      writeLogLevel(logger.dir, level);
      logger.setLevel(level);
      log.info(`log level set to ${level}`);
      return logSettings();
    },
    reportRendererError({ message, stack, componentStack }) {
      const parts = [message, stack, componentStack ? `component stack:${componentStack}` : undefined].filter(Boolean);
      logger.child('renderer').error(parts.join('\n'));
      return { logged: true };
    },
  };

  return {
    logger,
    handlers,
    writeEmergencyBundle() {
      const at = now();
      const dir = emergencyBundleDirFor(opts.dataDir);
      const target = path.join(dir, bundleFileName(at));
      writeFileAtomic(target, zipBundle(collectBundleFiles(bundleDeps), at));
      pruneBundles(dir, MAX_EMERGENCY_BUNDLES);
      return target;
    },
  };
}
