import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike; every value in the report goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A Content-Security-Policy that allows exactly the one inline stylesheet (by hash) and nothing else: no scripts,
 * no network, no forms, no frames. Even if a hostile value slipped past escaping, it could not run or phone home.
 * Built from constants and a base64 hash only, so it goes into the attribute as is (no quote or markup characters).
 */
export function reportCsp(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "img-src 'none'",
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
