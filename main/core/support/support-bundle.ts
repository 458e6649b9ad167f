/**
 * The support bundle: logs, versions, settings and recent test reports, each redacted, listed for the user,
 * then zipped. What the user saw in the preview is exactly what gets written.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { AppInfo } from '@shared/ipc/channels/app';
import type { SupportBundleFile, SupportBundlePreview } from '@shared/ipc/channels/support';
import { strToU8, zipSync } from 'fflate';

import { redactText, redactValue } from '../log/redact';
import { collectSystemInfo } from './system-info';

/** Where the bundle's data comes from; every value is redacted before it is shown or written. */
export interface SupportSources {
  settings?: () => unknown;
  /** The most recent connection-test reports (e.g. keyed by profile). */
  reports?: () => unknown;
}

export interface SupportBundleDeps {
  appInfo: () => AppInfo;
  /** Log files to include, newest first. */
  logFiles: () => string[];
  sources: SupportSources;
  now?: () => Date;
  homeDir?: string;
}

const PREVIEW_TTL_MS = 30 * 60_000;
const MAX_PREVIEWS = 3;
/** Emergency bundles written by the crash handler: only the newest few are kept. */
export const MAX_EMERGENCY_BUNDLES = 5;
export const BUNDLE_PREFIX = 'mailadapter-assistant-support-';

export const bundleFileName = (at: Date) => `${BUNDLE_PREFIX}${at.toISOString().replace(/[:.]/g, '-')}.zip`;

function safeCall(fn: (() => unknown) | undefined): unknown {
  if (!fn) return null;
  try {
    return fn();
  } catch (err) {
    return { unavailable: err instanceof Error ? err.message : String(err) };
  }
}

export function collectBundleFiles(deps: SupportBundleDeps): SupportBundleFile[] {
  const now = deps.now?.() ?? new Date();
  const redact = { homeDir: deps.homeDir ?? os.homedir() };
  const json = (value: unknown) => `${JSON.stringify(redactValue(value, redact), null, 2)}\n`;
  const files: { name: string; content: string }[] = [
    { name: 'system.json', content: json(collectSystemInfo(deps.appInfo(), now)) },
    { name: 'settings.json', content: json(safeCall(deps.sources.settings)) },
    { name: 'reports.json', content: json(safeCall(deps.sources.reports)) },
  ];
  for (const file of deps.logFiles()) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    // Logs are redacted when written; this second pass also covers lines from older versions of the rules.
    files.push({ name: `logs/${path.basename(file)}`, content: redactText(text, redact) });
  }
  return files.map((f) => ({ ...f, bytes: Buffer.byteLength(f.content, 'utf8') }));
}

export function zipBundle(files: SupportBundleFile[], at: Date): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.name] = [strToU8(f.content), { mtime: at }];
  return zipSync(entries, { level: 6 });
}

/** Writes via a temporary file so a crash never leaves half a zip under the final name. Owner-only. */
export function writeFileAtomic(target: string, data: Uint8Array): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, target);
}

/** Keeps the newest `keep` bundles in `dir` (names sort by time). */
export function pruneBundles(dir: string, keep: number): void {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.startsWith(BUNDLE_PREFIX) && n.endsWith('.zip'))
      .sort();
  } catch {
    return;
  }
  for (const n of names.slice(0, Math.max(0, names.length - keep))) rmSync(path.join(dir, n), { force: true });
}

export interface PreviewCache {
  create(files: SupportBundleFile[], at: Date): SupportBundlePreview;
  take(previewId: string, at: Date): SupportBundlePreview | undefined;
}

/** Previews live in memory for half an hour; at most a few at once. */
export function createPreviewCache(): PreviewCache {
  const previews = new Map<string, SupportBundlePreview>();
  return {
    create(files, at) {
      const preview: SupportBundlePreview = {
        previewId: randomBytes(12).toString('base64url'),
        createdAt: at.toISOString(),
        fileName: bundleFileName(at),
        files,
        totalBytes: files.reduce((n, f) => n + f.bytes, 0),
      };
      previews.set(preview.previewId, preview);
      while (previews.size > MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
      return preview;
    },
    take(previewId, at) {
      const p = previews.get(previewId);
      if (!p) return undefined;
      if (at.getTime() - Date.parse(p.createdAt) > PREVIEW_TTL_MS) {
        previews.delete(previewId);
        return undefined;
      }
      return p;
    },
  };
}
