/**
 * Licences of the production dependencies the app ships, from `npm ls --omit=dev --all --json --long`
 * (the tree npm itself resolved, so optional packages for other platforms that are not installed drop out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { LicenseEntry } from '@shared/ipc/channels/support';

/** The part of `npm ls --json --long` output this reads. */
export interface NpmTreeNode {
  version?: string;
  missing?: boolean;
  path?: string;
  license?: unknown;
  repository?: unknown;
  dependencies?: Record<string, NpmTreeNode>;
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-][\w.-]*)?$/i;
const MAX_TEXT = 64 * 1024;

/** A package's licence text from its folder, if it ships one (LICENSE, LICENCE, COPYING, NOTICE …). */
export function readLicenseText(dir: string): string | undefined {
  try {
    const name = readdirSync(dir)
      .filter((n) => LICENSE_FILE.test(n))
      .sort()[0];
    return name ? readFileSync(path.join(dir, name), 'utf8').slice(0, MAX_TEXT) : undefined;
  } catch {
    return undefined;
  }
}

function licenseOf(value: unknown): string {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value && typeof value === 'object' && 'type' in value && typeof value.type === 'string') return value.type;
  return 'UNKNOWN';
}

function repositoryOf(value: unknown): string | undefined {
  const url =
    typeof value === 'string' ? value : value && typeof value === 'object' && 'url' in value ? value.url : undefined;
  return typeof url === 'string' ? url.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
}

/** Flattens the tree to one entry per name@version, sorted by name. */
export function collectLicenses(
  root: NpmTreeNode,
  readText: (dir: string) => string | undefined = readLicenseText,
): LicenseEntry[] {
  const seen = new Map<string, LicenseEntry>();
  const walk = (deps: Record<string, NpmTreeNode> | undefined) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (node.missing || !node.version) continue;
      const key = `${name}@${node.version}`;
      if (seen.has(key)) continue;
      const text = node.path ? readText(node.path) : undefined;
      const repository = repositoryOf(node.repository);
      seen.set(key, {
        name,
        version: node.version,
        license: licenseOf(node.license),
        ...(repository ? { repository } : {}),
        ...(text ? { text } : {}),
      });
      walk(node.dependencies);
    }
  };
  walk(root.dependencies);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}
