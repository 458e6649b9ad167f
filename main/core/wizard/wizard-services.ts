/**
 * The main-process side of the wizard: portal windows and private browsers, clipboard, automatic
 * retests and the setup report, as IPC handlers plus the retest scheduler the wizard's commands steer.
 */
import type { Language } from '@shared/ipc/channels/app';
import { AppError } from '@shared/ipc/result';
import { isAllowedExternalUrl } from '@shared/wizard/external-links';
import { PORTAL_LINKS } from '@shared/wizard/portal-links';
import type { RetestState } from '@shared/wizard/retest';

import type { HandlerSlice } from '../ipc/handlers';
import type { Platform } from '../platform';
import { type BrowserSystem, detectPrivateBrowsers } from './browsers/detect';
import { currentBrowserSystem } from './browsers/system';
import { createSecretClipboard } from './clipboard/secret-clipboard';
import { type Clock, systemClock } from './clock';
import { portalWindowTitle } from './portal/portal-session';
import { buildSetupReport } from './report/build-report';
import { checkReportPath, reportFileName, writeReportFile } from './report/save-report';
import { createJsonFileRetestPersistence, type RetestPersistence } from './retest/persistence';
import { createRetestScheduler, type RetestProbeResult } from './retest/scheduler';
import type { WizardDataPort } from './wizard-data';

export type WizardChannel =
  | 'openPortal'
  | 'listPrivateBrowsers'
  | 'openInPrivateBrowser'
  | 'openExternalLink'
  | 'copyToClipboard'
  | 'copySecretToClipboard'
  | 'exportSetupReport';

export interface WizardServiceOptions {
  platform: Platform;
  dataDir: string;
  language(): Language;
  appInfo(): { name: string; version: string };
  data: WizardDataPort;
  /** The profile's saved app password, main-side only (the vault); null when none is saved. */
  getSecret(profileId: string): Promise<string | null>;
  /** One full connection test with the saved credentials; without it automatic retests cannot start. */
  runProbe?(profileId: string): Promise<RetestProbeResult>;
  /** Where retest state survives restarts; `<dataDir>/retest.json` by default. */
  retestPersistence?: RetestPersistence;
  browserSystem?: BrowserSystem;
  clock?: Clock;
  /** Every change of a retest (the wizard's view shows it). */
  onRetestUpdate?(state: RetestState): void;
  onError?(err: unknown): void;
}

export function createWizardServices(opts: WizardServiceOptions) {
  const clock = opts.clock ?? systemClock;
  const clipboard = createSecretClipboard(
    { write: (text) => opts.platform.writeClipboard(text), read: () => opts.platform.readClipboard() },
    clock,
  );
  const retest = createRetestScheduler({
    runProbe: (id) => {
      if (!opts.runProbe) throw new AppError('RETEST_UNAVAILABLE', 'No connection test is wired for retests.');
      return opts.runProbe(id);
    },
    persistence: opts.retestPersistence ?? createJsonFileRetestPersistence(opts.dataDir),
    notify: (title, body) => opts.platform.notify(title, body),
    language: opts.language,
    profileName: (id) => {
      try {
        return opts.data.profile(id).displayName;
      } catch {
        return undefined;
      }
    },
    onUpdate: (state) => opts.onRetestUpdate?.(state),
    clock,
    ...(opts.onError ? { onError: opts.onError } : {}),
  });

  const browsers = () => detectPrivateBrowsers(opts.browserSystem ?? currentBrowserSystem());

  const handlers: HandlerSlice<WizardChannel> = {
    async openPortal({ linkId, identity }) {
      const link = PORTAL_LINKS[linkId];
      const who = identity ?? link.identity;
      const language = opts.language();
      await opts.platform.openPortal(link.url, who, { title: portalWindowTitle(who, language), language });
      return { linkId, identity: who };
    },

    async listPrivateBrowsers() {
      return (await browsers()).map(({ id, name, privateMode }) => ({ id, name, privateMode }));
    },

    async openInPrivateBrowser({ linkId, browser }) {
      const installed = await browsers();
      const chosen = browser ? installed.find((b) => b.id === browser) : installed[0];
      if (!chosen) {
        throw new AppError(
          'BROWSER_NOT_FOUND',
          browser ? `${browser} is not installed.` : 'No supported browser was found.',
          {
            installed: installed.map((b) => b.id),
          },
        );
      }
      try {
        await opts.platform.launchBrowser(chosen.launch(PORTAL_LINKS[linkId].url));
      } catch (err) {
        throw new AppError(
          'BROWSER_LAUNCH_FAILED',
          `${chosen.name} could not be started (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
        );
      }
      return { browser: chosen.id };
    },

    async openExternalLink({ url }) {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError('EXTERNAL_URL_REFUSED', 'Only https help pages from the allowlist open in the browser.');
      }
      await opts.platform.openExternal(new URL(url).toString());
      return { opened: true };
    },

    async copyToClipboard({ text }) {
      await clipboard.copyText(text);
      return { copied: true };
    },

    async copySecretToClipboard({ profileId }) {
      const secret = await opts.getSecret(profileId);
      if (!secret) throw new AppError('SECRET_NOT_SAVED', 'No app password is saved for this profile.');
      return clipboard.copySecret(secret);
    },

    async exportSetupReport({ profileId, language, path: requested }) {
      // In the desktop app the user picks the place; a page must not choose where files land on disk.
      if (requested && opts.platform.runtime === 'electron') {
        throw new AppError('EXPORT_PATH_NOT_ALLOWED', 'The desktop app asks for the place with a save dialog.');
      }
      const profile = opts.data.profile(profileId);
      const generatedAt = new Date(clock.now());
      const app = opts.appInfo();
      const html = buildSetupReport({
        language,
        generatedAt,
        appName: app.name,
        appVersion: app.version,
        profile,
        progress: opts.data.progress(profileId),
        secretSaved: await opts.data.secretSaved(profileId).catch(() => null),
        lastTest: opts.data.lastReport(profileId),
        retest: await retest.get(profileId),
        // A keychain hiccup must not stop the export; the report then shows the documented procedure.
        oauth: opts.data.oauth ? await opts.data.oauth(profileId).catch(() => null) : null,
        bridge: opts.data.bridge?.(profileId) ?? null,
      });
      const target = requested
        ? checkReportPath(requested)
        : await opts.platform.chooseSavePath(reportFileName(profile.displayName, generatedAt, language), [
            { name: 'HTML', extensions: ['html'] },
          ]);
      if (!target) return { saved: false };
      const bytes = await writeReportFile(checkReportPath(target), html);
      return { saved: true, path: target, bytes };
    },
  };

  return {
    handlers,
    /** Secrets copied by main and cleared after SECRET_CLIPBOARD_CLEAR_MS (the bridge's local password too). */
    clipboard,
    /** For the wizard's commands: start and cancel, count manual tests, drop retests of deleted profiles. */
    retest: {
      ...retest,
      /** Opt-in start for a known profile; refused where no connection test is wired. */
      async start(profileId: string) {
        if (!opts.runProbe)
          throw new AppError('RETEST_UNAVAILABLE', 'Automatic retests are not available in this build.');
        opts.data.profile(profileId);
        return retest.start(profileId);
      },
    },
    async dispose() {
      await retest.dispose();
      await clipboard.dispose();
    },
  };
}

export type WizardServices = ReturnType<typeof createWizardServices>;
