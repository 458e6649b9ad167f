import type { WebContents } from 'electron';

/**
 * Denies new windows and navigation away from `isAllowed` URLs for one WebContents.
 * The app window allows only its own origin; portal windows pass their host allowlist.
 */
export function guardNavigation(
  contents: WebContents,
  isAllowed: (url: string) => boolean,
  onBlocked: (url: string) => void = () => {},
): void {
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked(url);
    return { action: 'deny' };
  });
  const stopIfForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowed(url)) {
      event.preventDefault();
      onBlocked(url);
    }
  };
  contents.on('will-navigate', (e) => stopIfForeign(e, e.url));
  contents.on('will-redirect', (e) => stopIfForeign(e, e.url));
  contents.on('will-frame-navigate', (e) => stopIfForeign(e, e.url));
  contents.on('will-attach-webview', (e) => e.preventDefault());
}
