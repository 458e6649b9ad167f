import type { WebContents } from 'electron';

/**
 * Navigation and window-creation policy for every WebContents.
 *
 * `guardAllWebContents` (wired to `app.on('web-contents-created')`) gives every new WebContents — windows,
 * popups, anything created later — the safe default at birth: no new windows, no webview tags, no navigation at all.
 * A window that may navigate (the app page within its origin, a portal window within Microsoft's hosts) opts in
 * with `guardNavigation(contents, isAllowed)`, or installs its own will-navigate/will-redirect/will-frame-navigate
 * listeners (portal and sign-in windows do, because they also catch redirects and offer the system browser); such a
 * window's own guard then decides. A WebContents with neither stays denied. Only type imports from electron, so
 * this is tested under Node.
 */

type Guarded = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'listenerCount'>;
type BlockedListener = (url: string) => void;

/** 'page' for the top-level document, 'frame' for a subframe (portal pages compose blades from iframes). */
export type NavigationTarget = 'page' | 'frame';
type Allow = (url: string, target: NavigationTarget) => boolean;

interface Policy {
  isAllowed: Allow;
  onBlocked?: BlockedListener;
}

const policies = new WeakMap<object, Policy>();
const attached = new WeakSet<object>();

/** True when `url` may be loaded in `contents` by navigation, redirect or frame navigation. */
export function mayNavigate(contents: object, url: string, target: NavigationTarget = 'page'): boolean {
  return policies.get(contents)?.isAllowed(url, target) ?? false;
}

/** Installs the listeners once per WebContents; they consult the policy registered (or not) at event time. */
function attach(contents: Guarded, fallbackOnBlocked: BlockedListener): void {
  if (attached.has(contents)) return;
  attached.add(contents);
  const blocked = (url: string) => (policies.get(contents)?.onBlocked ?? fallbackOnBlocked)(url);
  const check =
    (name: 'will-navigate' | 'will-redirect' | 'will-frame-navigate') =>
    (event: { preventDefault(): void; url: string; isMainFrame?: boolean }) => {
      const url = event.url;
      // More listeners than ours: the window's own guard decides (see above).
      if (!policies.has(contents) && contents.listenerCount(name) > 1) return;
      if (!mayNavigate(contents, url, event.isMainFrame === false ? 'frame' : 'page')) {
        event.preventDefault();
        blocked(url);
      }
    };
  contents.on('will-navigate', check('will-navigate'));
  contents.on('will-redirect', check('will-redirect'));
  contents.on('will-frame-navigate', check('will-frame-navigate'));
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    blocked('webview tag');
  });
  contents.setWindowOpenHandler(({ url }) => {
    blocked(url);
    return { action: 'deny' };
  });
}

/** The default for every WebContents: deny everything until a window declares what it may show. */
export function guardAllWebContents(
  app: { on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown },
  onBlocked: BlockedListener = () => {},
): void {
  app.on('web-contents-created', (_e, contents) => attach(contents, onBlocked));
}

/**
 * Lets `contents` navigate to URLs for which `isAllowed(url, 'page' | 'frame')` is true; everything else stays blocked, and new
 * windows stay denied. The app window allows only its own origin; portal windows pass their host allowlist.
 */
export function guardNavigation(contents: Guarded, isAllowed: Allow, onBlocked: BlockedListener = () => {}): void {
  policies.set(contents, { isAllowed, onBlocked });
  // Usually already attached at creation; attaching here too keeps a window safe even when it was created
  // before guardAllWebContents was wired.
  attach(contents, onBlocked);
}
