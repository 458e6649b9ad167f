/**
 * The app page's origin, its Content-Security-Policy and the mapping of app:// URLs to files. No Electron
 * imports, so the policy is tested under plain Node (test/unit/security).
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'assistant';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Content-Security-Policy for the app page, sent as a header (the page also carries it in a meta tag, where
 * frame-ancestors is not allowed). Neither unsafe-eval nor unsafe-inline, no remote origin anywhere.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
].join('; ');

export const isAppOrigin = (url: string): boolean => {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
};

/**
 * The file an app:// request maps to, or an HTTP status when it must be refused: other hosts → 404,
 * anything resolving outside `root` (../, encoded separators, absolute paths) → 403.
 */
export function resolveAppFile(root: string, requestUrl: string): { file: string } | { status: 403 | 404 } {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 404 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404 };
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return { status: 403 };
  }
  if (rel.includes('\0') || rel.includes('\\')) return { status: 403 };
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  if (!file.startsWith(base + path.sep)) return { status: 403 };
  return { file };
}
