import type { BrowserLaunch } from '../core/wizard/browsers/detect';
import { browserEnvironment, spawnDetached } from '../core/wizard/browsers/spawn-detached';

/**
 * Starts the chosen browser's private window for a Microsoft page. Detection and the command line come from
 * main/core/wizard/browsers (pure and tested); here only the process is started, without the app's Electron
 * environment.
 */
export function launchPrivateBrowser(launch: BrowserLaunch): Promise<void> {
  return spawnDetached(launch, browserEnvironment(process.env));
}
