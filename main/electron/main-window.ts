import path from 'node:path';

import { app, BrowserWindow, screen } from 'electron';

import { APP_ORIGIN, isAppOrigin } from './app-origin';
import { hardenedWebPreferences } from './web-preferences';
import { guardNavigation } from './window-guards';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface WindowStatePort {
  load(): WindowBounds | undefined;
  save(bounds: WindowBounds): void;
}

const DEFAULT_BOUNDS: WindowBounds = { width: 1180, height: 800 };

/** A remembered position is used only if it is still on a connected display (monitors come and go). */
function visibleBounds(saved: WindowBounds | undefined): WindowBounds {
  if (!saved || saved.x === undefined || saved.y === undefined) return saved ?? DEFAULT_BOUNDS;
  const onScreen = screen
    .getAllDisplays()
    .some(
      ({ workArea: a }) =>
        saved.x! >= a.x - 50 &&
        saved.y! >= a.y - 50 &&
        saved.x! < a.x + a.width - 100 &&
        saved.y! < a.y + a.height - 100,
    );
  return onScreen ? saved : { width: saved.width, height: saved.height, maximized: saved.maximized };
}

export function createMainWindow(
  preloadDir: string,
  state: WindowStatePort,
  onBlocked: (url: string) => void,
): BrowserWindow {
  const bounds = visibleBounds(state.load());
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Mailadapter Assistant',
    backgroundColor: '#f5f5f5',
    webPreferences: hardenedWebPreferences({
      preload: path.join(preloadDir, 'index.cjs'),
      // Middle-click (auxclick) could open links outside the window-open handler's view.
      disableBlinkFeatures: 'Auxclick',
      // DevTools only in development builds.
      devTools: !app.isPackaged,
    }),
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  guardNavigation(win.webContents, isAppOrigin, onBlocked);

  const persist = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const b = win.getNormalBounds();
    state.save({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  };
  win.on('close', persist);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
