/**
 * The embedded sign-in window for the modern-auth track: Microsoft's sign-in page in an incognito-style window
 * (fresh in-memory partition, no permissions, no new windows). The redirect to the configured redirect URI
 * (`…/oauth2/nativeclient`) is caught in main and never loaded — neither as a navigation nor on the network —
 * and any navigation the pure rule in shared/oauth/redirect.ts refuses is stopped.
 */
import { randomUUID } from 'node:crypto';

import { BrowserWindow, session, type WebContents } from 'electron';

import type { EmbeddedOutcome, EmbeddedSignInPort } from '../core/oauth/interactive-sign-in';
import { extractAadsts } from '../shared/oauth/aadsts';
import { classifyNavigation } from '../shared/oauth/redirect';
import { isSignInPage } from '../shared/oauth/sign-in-hosts';
import { inBothLanguages } from '../shared/text/translator';
import { hardenedWebPreferences } from './web-preferences';

/** Reads Microsoft's error page (AADSTS codes are shown in the page, not redirected) so a closed window can explain itself. */
async function pageError(contents: WebContents): Promise<{ code: number; line: string } | undefined> {
  try {
    const text = String(
      await contents.executeJavaScript('document.body ? document.body.innerText.slice(0, 8000) : ""', false),
    );
    const code = extractAadsts(text);
    if (code === undefined) return undefined;
    const line = text.split('\n').find((l) => /AADSTS\d/.test(l)) ?? `AADSTS${code}`;
    return { code, line: line.trim().slice(0, 300) };
  } catch {
    return undefined;
  }
}

export function createEmbeddedSignIn(
  authorityHost: string,
  onBlocked: (url: string) => void = () => {},
): EmbeddedSignInPort {
  return {
    run(authUrl, redirectUri, signal) {
      return new Promise<EmbeddedOutcome>((resolve) => {
        const ses = session.fromPartition(`oauth-signin-${randomUUID()}`, { cache: false });
        ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
        ses.setPermissionCheckHandler(() => false);
        const win = new BrowserWindow({
          width: 520,
          height: 720,
          // The window opens before the app's language is known to it: both languages.
          title: Object.values(inBothLanguages('desktop:portal.signInTitle')).join(' / '),
          autoHideMenuBar: true,
          webPreferences: hardenedWebPreferences({ session: ses, devTools: false }),
        });
        const contents = win.webContents;
        const isPage = (u: URL) => isSignInPage(u, authorityHost);
        let lastPageError: { code: number; line: string } | undefined;
        let finished = false;

        const finish = (outcome: EmbeddedOutcome) => {
          if (finished) return;
          finished = true;
          resolve(outcome);
          if (!win.isDestroyed()) win.destroy();
          void ses.clearData();
        };

        const guard = (event: { preventDefault(): void }, url: string, isMainFrame = true) => {
          const verdict = classifyNavigation(url, redirectUri, isPage);
          if (verdict.kind === 'allow') return;
          event.preventDefault();
          if (verdict.kind === 'redirect' && isMainFrame) finish({ kind: 'redirect', response: verdict.response });
          else onBlocked(url);
        };

        contents.setWindowOpenHandler(({ url }) => {
          onBlocked(url);
          return { action: 'deny' };
        });
        contents.on('will-navigate', (e) => guard(e, e.url, e.isMainFrame));
        contents.on('will-redirect', (e) => guard(e, e.url, e.isMainFrame));
        contents.on('will-frame-navigate', (e) => guard(e, e.url, e.isMainFrame));
        contents.on('will-attach-webview', (e) => e.preventDefault());
        // The network layer refuses the redirect URI too, whatever path leads there (a form post, a script).
        ses.webRequest.onBeforeRequest((details, callback) => {
          const verdict = classifyNavigation(details.url, redirectUri, isPage);
          if (verdict.kind === 'redirect') {
            callback({ cancel: true });
            if (details.resourceType === 'mainFrame') finish({ kind: 'redirect', response: verdict.response });
            return;
          }
          const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
          callback({ cancel: isDocument && verdict.kind === 'block' });
        });
        contents.on('did-finish-load', () => {
          void pageError(contents).then((found) => {
            if (found) lastPageError = found;
          });
        });
        win.on('closed', () =>
          finish(
            lastPageError
              ? { kind: 'closed', pageAadsts: lastPageError.code, pageMessage: lastPageError.line }
              : { kind: 'closed' },
          ),
        );
        signal.addEventListener('abort', () => finish({ kind: 'closed' }), { once: true });
        void win.loadURL(authUrl).catch(() => undefined);
      });
    },
  };
}
