import { isAppOrigin } from './app-origin';

/**
 * Only the app's own top-level page may call main: the sender must be the app window's WebContents, the
 * calling frame its main frame (not an iframe), and that frame must be on app://assistant. Portal windows,
 * popups and frames are refused. Structural types only (no electron import), so this is tested under Node.
 */
export function isTrustedSender(
  frame: { readonly url: string } | null | undefined,
  sender: { readonly mainFrame: object },
  trusted: () => object | undefined,
): boolean {
  if (!frame || frame !== sender.mainFrame) return false;
  const app = trusted();
  return app !== undefined && sender === app && isAppOrigin(frame.url);
}
