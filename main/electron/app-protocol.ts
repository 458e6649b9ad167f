import { pathToFileURL } from 'node:url';

import { net, protocol } from 'electron';

import { APP_SCHEME, CSP, resolveAppFile } from './app-origin';

/**
 * Must run before `app.ready`: the scheme is standard and secure so it behaves like https (origin, CSP, storage).
 * Deliberately without `bypassCSP`, `corsEnabled` or `allowServiceWorkers`.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rootDir` on the default session only; traversal is refused (see resolveAppFile). */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppFile(rootDir, request.url);
    if ('status' in target)
      return new Response(target.status === 404 ? 'Not found' : 'Forbidden', { status: target.status });
    const res = await net.fetch(pathToFileURL(target.file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Referrer-Policy', 'no-referrer');
    return new Response(res.body, { status: res.status, headers });
  });
}
