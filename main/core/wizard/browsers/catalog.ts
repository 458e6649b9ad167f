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

export const BROWSER_CATALOG: readonly BrowserEntry[] = [
  {
    id: 'edge',
    name: 'Microsoft Edge',
    privateMode: 'inprivate',
    privateFlag: '--inprivate',
    windows: {
      appPathsExe: 'msedge.exe',
      paths: [
        { base: 'ProgramFiles(x86)', rel: 'Microsoft\\Edge\\Application\\msedge.exe' },
        { base: 'ProgramFiles', rel: 'Microsoft\\Edge\\Application\\msedge.exe' },
        { base: 'LOCALAPPDATA', rel: 'Microsoft\\Edge\\Application\\msedge.exe' },
      ],
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
      paths: [
        { base: 'ProgramFiles', rel: 'Google\\Chrome\\Application\\chrome.exe' },
        { base: 'ProgramFiles(x86)', rel: 'Google\\Chrome\\Application\\chrome.exe' },
        { base: 'LOCALAPPDATA', rel: 'Google\\Chrome\\Application\\chrome.exe' },
      ],
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
      paths: [
        { base: 'ProgramFiles', rel: 'Mozilla Firefox\\firefox.exe' },
        { base: 'ProgramFiles(x86)', rel: 'Mozilla Firefox\\firefox.exe' },
      ],
    },
    macBundle: 'Firefox.app',
    unixCommands: ['firefox', 'firefox-esr'],
  },
];
