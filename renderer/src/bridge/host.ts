/**
 * The app's channels that hold no wizard state — app info and language, support, portal windows and browsers,
 * the clipboard, notices, exports, provider discovery. Everything about connections, steps, tests, sign-in and
 * retests goes through the wizard's commands (wizard-commands.ts), whose rules live in main.
 */
import type { AssistantApi } from '@shared/ipc/contract';

import { assistant } from './assistant';

export const HOST_CHANNELS = [
  'getAppInfo',
  'getSettings',
  'setLanguage',
  'getLogSettings',
  'setLogLevel',
  'previewSupportBundle',
  'saveSupportBundle',
  'reportRendererError',
  'openPortal',
  'listPrivateBrowsers',
  'openInPrivateBrowser',
  'openExternalLink',
  'copyToClipboard',
  'copySecretToClipboard',
  'exportSetupReport',
  'exportProfiles',
  'getNotices',
  'dismissNotice',
  'listOrphanSecrets',
  'removeOrphanSecrets',
  'discoverProvider',
] as const satisfies readonly (keyof AssistantApi)[];

export type HostApi = Pick<AssistantApi, (typeof HOST_CHANNELS)[number]>;

export const host: HostApi = assistant;
