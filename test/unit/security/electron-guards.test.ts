import { EventEmitter } from 'node:events';

import { isAppOrigin } from '@main/electron/app-origin';
import { isTrustedSender } from '@main/electron/sender-check';
import { hardenAllSessions, hardenSession } from '@main/electron/session-hardening';
import { guardAllWebContents, guardNavigation, mayNavigate } from '@main/electron/window-guards';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

// The Electron edge's guards take Electron objects but only import their types, so they run here against
// fakes that behave like the real event emitters (a listener calls preventDefault to stop the action).

type OpenHandler = (d: { url: string }) => { action: 'allow' | 'deny' };

class FakeContents extends EventEmitter {
  openHandler?: OpenHandler;
  setWindowOpenHandler(h: OpenHandler) {
    this.openHandler = h;
  }
  /** Emits a navigation-like event and reports whether any listener stopped it. */
  attempt(event: string, url: string, isMainFrame = true): boolean {
    let prevented = false;
    this.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

const asContents = (c: FakeContents) => c as unknown as WebContents;

function fakeApp() {
  const app = new EventEmitter();
  return {
    app: app as unknown as Parameters<typeof guardAllWebContents>[0] & Parameters<typeof hardenAllSessions>[0],
    emit: app.emit.bind(app),
  };
}

describe('every WebContents starts locked down (web-contents-created)', () => {
  it('denies navigation, redirects, frame navigation, webviews and new windows until a window opts in', () => {
    const { app, emit } = fakeApp();
    const blocked: string[] = [];
    guardAllWebContents(app, (u) => blocked.push(u));
    const c = new FakeContents();
    emit('web-contents-created', {}, c);
    expect(c.attempt('will-navigate', 'app://assistant/index.html')).toBe(true);
    expect(c.attempt('will-redirect', 'https://login.microsoftonline.com/')).toBe(true);
    expect(c.attempt('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(c.attempt('will-attach-webview', 'about:blank')).toBe(true);
    expect(c.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(blocked).toEqual([
      'app://assistant/index.html',
      'https://login.microsoftonline.com/',
      'https://evil.example/',
      'webview tag',
      'https://evil.example/',
    ]);
  });

  it('a window that declares its policy may navigate within it, and only within it', () => {
    const { app, emit } = fakeApp();
    guardAllWebContents(app);
    const c = new FakeContents();
    emit('web-contents-created', {}, c);
    const blocked: string[] = [];
    guardNavigation(asContents(c), isAppOrigin, (u) => blocked.push(u));
    expect(c.attempt('will-navigate', 'app://assistant/index.html')).toBe(false);
    expect(c.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(c.attempt('will-navigate', 'app://assistant.evil/')).toBe(true);
    expect(c.attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(c.openHandler?.({ url: 'app://assistant/other' })).toEqual({ action: 'deny' });
    expect(blocked).toEqual([
      'https://evil.example/',
      'app://assistant.evil/',
      'file:///etc/passwd',
      'app://assistant/other',
    ]);
    // Listeners are attached once, however often a window is guarded.
    expect(c.listenerCount('will-navigate')).toBe(1);
  });

  it('policies see whether a page or a frame navigates', () => {
    const c = new FakeContents();
    guardNavigation(asContents(c), (url, target) =>
      target === 'frame' ? url.startsWith('https://frames.example/') : url.startsWith('https://page.example/'),
    );
    expect(c.attempt('will-frame-navigate', 'https://frames.example/x', false)).toBe(false);
    expect(c.attempt('will-frame-navigate', 'https://frames.example/x', true)).toBe(true);
    expect(c.attempt('will-navigate', 'https://page.example/')).toBe(false);
    expect(mayNavigate(c, 'https://page.example/', 'frame')).toBe(false);
  });

  it('a window with its own navigation listeners (portal, sign-in) decides for itself; webviews stay denied', () => {
    const { app, emit } = fakeApp();
    guardAllWebContents(app);
    const portal = new FakeContents();
    emit('web-contents-created', {}, portal);
    // The portal window's own guard: Microsoft hosts only.
    portal.on('will-navigate', (e: { url: string; preventDefault(): void }) => {
      if (!e.url.startsWith('https://login.microsoftonline.com/')) e.preventDefault();
    });
    expect(portal.attempt('will-navigate', 'https://login.microsoftonline.com/common')).toBe(false);
    expect(portal.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    // Events it does not guard itself keep the default.
    expect(portal.attempt('will-redirect', 'https://login.microsoftonline.com/common')).toBe(true);
    expect(portal.attempt('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('a WebContents nobody registered cannot navigate anywhere', () => {
    expect(mayNavigate(new FakeContents(), 'app://assistant/index.html')).toBe(false);
  });
});

class FakeSession extends EventEmitter {
  request?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
  check?: (wc: unknown, permission: string, origin: string) => boolean;
  device?: () => boolean;
  display?: (req: unknown, cb: (streams: object) => void) => void;
  setPermissionRequestHandler(h: FakeSession['request']) {
    this.request = h;
  }
  setPermissionCheckHandler(h: FakeSession['check']) {
    this.check = h;
  }
  setDevicePermissionHandler(h: FakeSession['device']) {
    this.device = h;
  }
  setDisplayMediaRequestHandler(h: FakeSession['display']) {
    this.display = h;
  }
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'openExternal',
  'pointerLock',
  'hid',
  'serial',
  'usb',
  'midiSysex',
  'idle-detection',
  'storage-access',
];

function expectDenyAll(ses: FakeSession): void {
  for (const p of PERMISSIONS) {
    const cb = vi.fn();
    ses.request!({ getURL: () => 'app://assistant/' }, p, cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(ses.check!({}, p, 'app://assistant')).toBe(false);
  }
  expect(ses.device!()).toBe(false);
  const streams = vi.fn();
  ses.display!({}, streams);
  expect(streams).toHaveBeenCalledWith({});
  let prevented = false;
  ses.emit(
    'will-download',
    { preventDefault: () => (prevented = true) },
    { getURL: () => 'https://x.example/file.exe' },
  );
  expect(prevented).toBe(true);
}

describe('sessions deny every permission', () => {
  it('the default session: requests, checks, devices, screen capture and downloads', () => {
    const ses = new FakeSession();
    const denied: string[] = [];
    hardenSession(ses as unknown as Session, (what) => denied.push(what));
    expectDenyAll(ses);
    expect(denied).toContain('permission-request');
    expect(denied).toContain('download');
  });

  it('sessions created later (portal partitions) are hardened as they appear', () => {
    const { app, emit } = fakeApp();
    hardenAllSessions(app);
    const later = new FakeSession();
    emit('session-created', later);
    expectDenyAll(later);
  });

  it('hardening twice changes nothing (the default session is hardened on ready and by session-created)', () => {
    const ses = new FakeSession();
    hardenSession(ses as unknown as Session);
    const first = ses.request;
    hardenSession(ses as unknown as Session);
    expect(ses.request).toBe(first);
    expect(ses.listenerCount('will-download')).toBe(1);
  });
});

describe('IPC sender validation', () => {
  const mainFrame = { url: 'app://assistant/index.html' };
  const appContents = { mainFrame };
  const trusted = () => appContents;

  it('accepts the app window’s top-level page only', () => {
    expect(isTrustedSender(mainFrame, appContents, trusted)).toBe(true);
  });

  it('refuses frames, other windows, other origins and a missing frame', () => {
    expect(isTrustedSender({ url: 'app://assistant/index.html' }, appContents, trusted)).toBe(false); // an iframe
    const portal = { mainFrame: { url: 'https://login.microsoftonline.com/' } };
    expect(isTrustedSender(portal.mainFrame, portal, trusted)).toBe(false);
    const navigatedAway = { mainFrame: { url: 'https://evil.example/' } };
    expect(isTrustedSender(navigatedAway.mainFrame, navigatedAway, () => navigatedAway)).toBe(false);
    expect(isTrustedSender(null, appContents, trusted)).toBe(false);
    expect(isTrustedSender(mainFrame, appContents, () => undefined)).toBe(false);
  });
});
