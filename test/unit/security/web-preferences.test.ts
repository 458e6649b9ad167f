import { hardenedWebPreferences, type WindowChoices } from '@main/electron/web-preferences';
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';

// The helper imports only Electron's types, so what every window gets can be checked here as plain data.
const LOCKED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
};

describe('hardenedWebPreferences()', () => {
  it('gives the app window its preload and choices on top of every protection', () => {
    const prefs = hardenedWebPreferences({
      preload: '/app/preload/index.cjs',
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
    expect(prefs).toEqual({
      ...LOCKED,
      preload: '/app/preload/index.cjs',
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
  });

  it('gives a portal or sign-in window its session, no preload, and DevTools only when asked', () => {
    const session = { id: 'partition' } as unknown as Session;
    const prefs = hardenedWebPreferences({ session, devTools: false });
    expect(prefs).toEqual({ ...LOCKED, session, devTools: false });
    expect(prefs).not.toHaveProperty('preload');
  });

  it('lets nothing else through, even when a caller sneaks more into the argument', () => {
    const sneaky = {
      devTools: 'yes',
      sandbox: false,
      contextIsolation: false,
      nodeIntegration: true,
      webSecurity: false,
      enableBlinkFeatures: 'CSSPaintAPI',
      additionalArguments: ['--inspect'],
    } as unknown as WindowChoices;
    const prefs = hardenedWebPreferences(sneaky);
    expect(prefs).toEqual({ ...LOCKED, devTools: false });
  });
});
