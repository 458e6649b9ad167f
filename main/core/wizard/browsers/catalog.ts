import type { PrivateBrowserId, PrivateModeKind } from '@shared/wizard/browsers';

/** Where each browser lives per OS and which switch opens a private window. Pure data. */
export interface BrowserEntry {
  id: PrivateBrowserId;
  name: string;
  privateMode: PrivateModeKind;
  /** Command-line switch for a private window. */
  privateFlag: string;
  /** Windows: executable name registered under App Paths, and install locations relative to known folders. */
  windows?: {
    appPathsExe?: string;
    paths: { base: 'ProgramFiles' | 'ProgramFiles(x86)' | 'LOCALAPPDATA'; rel: string }[];
  };
  /** macOS: application bundle name, looked up in /Applications and ~/Applications. */
  macBundle: string;
  /** Linux and other Unixes: command names looked up on PATH. */
  unixCommands: string[];
}

type KnownFolder = NonNullable<BrowserEntry['windows']>['paths'][number]['base'];

/** The same install path below each known folder, in the order they are tried. */
const under = (rel: string, ...bases: KnownFolder[]) => bases.map((base) => ({ base, rel }));

export const BROWSER_CATALOG: readonly BrowserEntry[] = [
  {
    id: 'edge',
    name: 'Microsoft Edge',
    privateMode: 'inprivate',
    privateFlag: '--inprivate',
    windows: {
      appPathsExe: 'msedge.exe',
      paths: under('Microsoft\\Edge\\Application\\msedge.exe', 'ProgramFiles(x86)', 'ProgramFiles', 'LOCALAPPDATA'),
    },
    macBundle: 'Microsoft Edge.app',
    unixCommands: ['microsoft-edge', 'microsoft-edge-stable'],
  },
  {
    id: 'chrome',
    name: 'Google Chrome',
    privateMode: 'incognito',
    privateFlag: '--incognito',
    windows: {
      appPathsExe: 'chrome.exe',
      paths: under('Google\\Chrome\\Application\\chrome.exe', 'ProgramFiles', 'ProgramFiles(x86)', 'LOCALAPPDATA'),
    },
    macBundle: 'Google Chrome.app',
    unixCommands: ['google-chrome', 'google-chrome-stable'],
  },
  {
    id: 'chromium',
    name: 'Chromium',
    privateMode: 'incognito',
    privateFlag: '--incognito',
    // Chromium registers no App Paths entry of its own (chrome.exe belongs to Google Chrome).
    windows: { paths: [{ base: 'LOCALAPPDATA', rel: 'Chromium\\Application\\chrome.exe' }] },
    macBundle: 'Chromium.app',
    unixCommands: ['chromium', 'chromium-browser'],
  },
  {
    id: 'firefox',
    name: 'Mozilla Firefox',
    privateMode: 'private-window',
    privateFlag: '--private-window',
    windows: {
      appPathsExe: 'firefox.exe',
      paths: under('Mozilla Firefox\\firefox.exe', 'ProgramFiles', 'ProgramFiles(x86)'),
    },
    macBundle: 'Firefox.app',
    unixCommands: ['firefox', 'firefox-esr'],
  },
];
