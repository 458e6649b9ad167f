import { z } from 'zod';

import { channel, event } from '../define';

export const languageSchema = z.enum(['de', 'en']);
export type Language = z.infer<typeof languageSchema>;

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'browser-harness' when served to a plain browser. */
  runtime: 'electron' | 'browser-harness';
  platform: string;
  versions: Record<string, string>;
}

export interface AppSettings {
  language: Language;
}

/** A window the app opened or would open (portal, system browser); the harness reports these to tests. */
export interface OpenedWindow {
  kind: 'portal' | 'external';
  url: string;
  purpose?: string;
}

export const appChannels = {
  getAppInfo: channel(z.undefined()).returns<AppInfo>(),
  getSettings: channel(z.undefined()).returns<AppSettings>(),
  setLanguage: channel(z.object({ language: languageSchema }).strict()).returns<AppSettings>(),
  /** Echoes a short text back: the smallest proof that a contract call round-trips. */
  ping: channel(z.object({ text: z.string().min(1).max(200) }).strict()).returns<{ text: string; at: string }>(),
};

export const appEvents = {
  windowOpened: event<OpenedWindow>(),
};
