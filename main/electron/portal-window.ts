import { app, BrowserWindow, dialog, type Session, session, type WebContents } from 'electron';

import type { PortalWindowOptions } from '../core/platform';
import { externalNavigationPrompt, portalPartitionName, portalUserAgent } from '../core/wizard/portal/portal-session';
import { portalNavigationVerdict } from '../shared/portal/portal-hosts';
import { hardenSession } from './session-hardening';
import { hardenedWebPreferences } from './web-preferences';
import { guardNavigation } from './window-guards';

/**
 * Portal windows: Microsoft pages in a session of their own per identity. The policy (which hosts, partition
 * names, titles, prompt text) lives in main/shared/portal and main/core/wizard/portal and is unit-tested; this file
 * only applies it to Electron objects.
 *
 * - One window per identity at a time; opening another page for the same identity reuses it (the admin signs in
 *   once per window, not once per step).
 * - Each new window gets a fresh in-memory partition (no `persist:`), so admin and mailbox user never share cookies
 *   and nothing of a sign-in reaches the disk; its storage is cleared when the window closes.
 * - No preload, no Node, sandboxed, no devtools when packaged, every permission denied, no downloads.
 * - Top-level navigation stays on Microsoft sign-in and portal hosts; other https pages are offered to the
 *   default browser after the user agrees; frames may load Microsoft-owned hosts only.
 */

/** Window options plus the platform's checked opener: this file never hands a URL to the OS itself. */
type PortalContext = PortalWindowOptions & { openExternal(url: string): Promise<void> };

/** The open portal window per identity. */
const open = new Map<string, BrowserWindow>();

/** The app-wide session lockdown (permissions, devices, screen capture, downloads) plus what portals need. */
function preparePortalSession(ses: Session): void {
  // Already applied by the session-created hook in index.ts; repeated (a no-op then) so the window never depends on it.
  hardenSession(ses);
  ses.setSpellCheckerEnabled(false);
  ses.setUserAgent(portalUserAgent(ses.getUserAgent()));
}

/** At most one confirmation per window at a time; a page firing many navigations cannot stack dialogs. */
const asking = new WeakSet<BrowserWindow>();

async function offerExternal(win: BrowserWindow, url: string, options: PortalContext): Promise<void> {
  if (win.isDestroyed() || asking.has(win)) return;
  asking.add(win);
  try {
    const text = externalNavigationPrompt(url, options.language);
    const { response } = await dialog.showMessageBox(win, {
      type: 'question',
      buttons: [text.open, text.cancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      message: text.message,
      detail: text.detail,
    });
    if (response === 0) await options.openExternal(url);
  } finally {
    asking.delete(win);
  }
}

function guardPortalContents(win: BrowserWindow, ses: Session, options: PortalContext): void {
  const contents: WebContents = win.webContents;
  // Every WebContents is born with navigation denied (window-guards.ts); this window may go where the portal policy
  // allows. The listeners below add what that default cannot: offering foreign pages to the user's own browser.
  guardNavigation(contents, (url, target) => portalNavigationVerdict(url, target) === 'allow');
  const stopPage = (event: { preventDefault(): void }, url: string, offer: boolean) => {
    const verdict = portalNavigationVerdict(url, 'page');
    if (verdict === 'allow') return;
    event.preventDefault();
    if (offer && verdict === 'offer-external') void offerExternal(win, url, options).catch(() => {});
  };
  const stopFrame = (event: { preventDefault(): void }, url: string) => {
    if (portalNavigationVerdict(url, 'frame') !== 'allow') event.preventDefault();
  };

  // will-navigate and will-frame-navigate both fire for the main frame; only the first one offers the browser.
  contents.on('will-navigate', (event) => stopPage(event, event.url, true));
  contents.on('will-frame-navigate', (event) =>
    event.isMainFrame ? stopPage(event, event.url, false) : stopFrame(event, event.url),
  );
  contents.on('will-redirect', (event) =>
    event.isMainFrame ? stopPage(event, event.url, true) : stopFrame(event, event.url),
  );

  contents.setWindowOpenHandler(({ url }) => {
    const verdict = portalNavigationVerdict(url, 'page');
    if (verdict === 'allow') {
      // Sign-in popups stay in the same partition, or the sign-in would not reach the window that asked for it.
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          title: options.title,
          autoHideMenuBar: true,
          webPreferences: hardenedWebPreferences({ session: ses, devTools: !app.isPackaged }),
        },
      };
    }
    if (verdict === 'offer-external') void offerExternal(win, url, options).catch(() => {});
    return { action: 'deny' };
  });
  contents.on('did-create-window', (child) => {
    lockTitle(child, options.title);
    guardPortalContents(child, ses, options);
    // A popup outliving its opener would keep using a session that is about to be cleared.
    win.once('closed', () => {
      if (!child.isDestroyed()) child.close();
    });
  });
}

function lockTitle(win: BrowserWindow, title: string): void {
  win.setTitle(title);
  // The page's own <title> would hide whose session this is.
  win.on('page-title-updated', (event) => event.preventDefault());
}

/** Opens `url` in the portal window of `identity`, creating the window (and a fresh session) when none is open. */
export async function openPortalWindow(
  url: string,
  identity: string,
  windowOptions: PortalWindowOptions,
  openExternal: (url: string) => Promise<void>,
): Promise<void> {
  const options: PortalContext = { ...windowOptions, openExternal };
  if (portalNavigationVerdict(url, 'page') !== 'allow')
    throw new Error('Only Microsoft sign-in and portal pages can be opened here.');
  if (identity !== 'admin' && identity !== 'mailbox') throw new Error(`Unknown portal identity: ${identity}`);

  const existing = open.get(identity);
  if (existing && !existing.isDestroyed()) {
    if (existing.isMinimized()) existing.restore();
    existing.focus();
    void existing.loadURL(url).catch(() => {});
    return;
  }

  const ses = session.fromPartition(portalPartitionName(identity), { cache: false });
  preparePortalSession(ses);
  const win = new BrowserWindow({
    width: 1100,
    height: 820,
    minWidth: 600,
    minHeight: 480,
    title: options.title,
    show: false,
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences({ session: ses, devTools: !app.isPackaged }),
  });
  lockTitle(win, options.title);
  guardPortalContents(win, ses, options);
  open.set(identity, win);
  win.once('ready-to-show', () => win.show());
  // A page that fails to load never becomes "ready to show"; the window must still appear with the error page.
  win.webContents.once('did-fail-load', () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });
  win.on('closed', () => {
    if (open.get(identity) === win) open.delete(identity);
    // In memory only anyway; clearing now also drops it before the app quits.
    void ses.clearData().catch(() => {});
  });
  // Not awaited: a blocked redirect aborts the load (ERR_ABORTED) and a slow sign-in page must not hold the IPC call.
  void win.loadURL(url).catch(() => {});
}

/** Closes every portal window (their sessions are cleared on close); for when the main window goes away. */
export function closeAllPortalWindows(): void {
  for (const win of open.values()) if (!win.isDestroyed()) win.close();
}
