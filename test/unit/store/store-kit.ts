/** What the store recovery and migration tests share: the v1 fixture, a fixed clock, a draft, a raw store writer. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixture = fileURLToPath(new URL('../../fixtures/store/v1.json', import.meta.url));
export const NOW = new Date('2026-11-20T09:00:00.000Z');
export const draft = {
  displayName: 'P',
  tenantLabel: '',
  mailboxUser: '',
  host: 'h.example',
  port: 993,
  security: 'tls',
} as const;

export function writeStore(dir: string, contents: string | Buffer): string {
  const file = path.join(dir, 'store.json');
  writeFileSync(file, contents);
  return file;
}
