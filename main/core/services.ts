/**
 * Composition root for the main-process services, shared by the Electron edge and the browser harness.
 * Plain Node only: everything host-specific arrives through `Platform`.
 */
import type { INetworkModule } from '@azure/msal-node';

import type { AppInfo } from '../shared/ipc/channels/app';
import { createAppHandlers } from './app/app-handlers';
import { type BridgeHost, type BridgeHostDeps, createBridgeHost } from './bridge-host/bridge-host';
import { createBridgeHostHandlers } from './bridge-host/bridge-host-handlers';
import { createBridgeProof } from './bridge-host/bridge-proof';
import { bridgeTransfer, openBridgeSettings } from './bridge-host/bridge-settings-store';
import { createServerExportCommand } from './bridge-host/server-export-command';
import { createDiscoveryHandlers } from './discovery/discovery-handlers';
import { probe, type ProbeOptions } from './imap/probe';
import type { Handlers } from './ipc/handlers';
import type { FileLogger } from './log/file-logger';
import { authorityFromEnv } from './oauth/authority';
import type { EmbeddedSignInPort } from './oauth/interactive-sign-in';
import { createOAuthService, type OAuthService } from './oauth/oauth-service';
import { openRegistrationStore } from './oauth/registration-store';
import { registrationTransfer } from './oauth/registration-transfer';
import { profileCacheSlot } from './oauth/secret-slot';
import type { Platform } from './platform';
import type { StoreBackendFactory } from './store/backend';
import { describeLoadEvent } from './store/durable-document';
import { createSupportServices, recentReports, type SupportServices } from './support/support-services';
import { createVaultServices, type VaultServices } from './vault/vault-services';
import { createJsonFileRetestPersistence } from './wizard/retest/persistence';
import { createProfileProbe } from './wizard/retest/profile-probe';
import { wizardDataFromVault } from './wizard/wizard-data';
import { createWizardServices, type WizardServices } from './wizard/wizard-services';
import { composeWizardState } from './wizard-state/compose';
import { createWizardStateHandlers } from './wizard-state/wizard-state-handlers';
import type { WizardStateService } from './wizard-state/wizard-state-service';

export interface ServiceOptions {
  /** Folder for the store and logs (Electron: app.getPath('userData'); harness: --data-dir). */
  dataDir: string;
  platform: Platform;
  appInfo: () => AppInfo;
  /** Store file backend: the Electron edge passes electron-store's; plain Node defaults to conf. */
  storeBackend?: StoreBackendFactory;
  /** The app's redacting log; the Electron edge creates it first to log start-up. Default: `<dataDir>/logs`. */
  logger?: FileLogger;
  /** Fixed connection-test options (tests add a CA or a resolver; the app uses the defaults). */
  probeOptions?: Omit<ProbeOptions, 'signal' | 'onStage'>;
  /** The embedded OAuth sign-in window (Electron only; main/electron/oauth-window.ts). */
  embeddedSignIn?: EmbeddedSignInPort;
  /** Extra bridge engine dependencies (tests: a fast throttle). */
  bridgeEngine?: BridgeHostDeps['engine'];
  /** MSAL's HTTP client for sign-in, refresh and the bridges (tests route it to the local sign-in service). */
  oauthNetworkClient?: INetworkModule;
}

export interface Services {
  handlers: Handlers;
  /** Logs and support bundle; `support.logger` is the logger every core service gets (a child per domain). */
  support: SupportServices;
  /** Profiles, progress, settings and keychain secrets: getSecret / recordReport / windowState for main-side use. */
  vault: VaultServices;
  /** Portal windows, clipboard, retests, setup report; `wizard.retest` takes manual test results. */
  wizard: WizardServices;
  /** Modern authentication: sign-in, silent refresh, XOAUTH2 test, sign-out. */
  oauth: OAuthService;
  /** The wizard as the admin walks it: commands in, one derived view out. */
  wizardState: WizardStateService;
  /** The OAuth bridges the app hosts, one per connection; `startAll()` once at app start. */
  bridges: BridgeHost;
  /** Releases timers, sockets and file handles; called on quit and by tests. */
  dispose(): Promise<void>;
}

export function createServices(opts: ServiceOptions): Services {
  const probeOptions = opts.probeOptions ?? {};
  // The data folder's other durable documents: the modern-auth track's per-profile data (oauth.json, shared with
  // profile export/import) and the automatic retests (retest.json). Their recoveries become notices like the store's.
  const registrations = openRegistrationStore(opts.dataDir);
  const retestPersistence = createJsonFileRetestPersistence(opts.dataDir);
  const bridgeSettings = openBridgeSettings(opts.dataDir);
  const vault = createVaultServices({
    dataDir: opts.dataDir,
    platform: opts.platform,
    ...(opts.storeBackend ? { storeBackend: opts.storeBackend } : {}),
    authTransfer: registrationTransfer(registrations),
    bridgeTransfer: bridgeTransfer(bridgeSettings),
    documentEvents: [...registrations.loadEvents, ...retestPersistence.loadEvents, ...bridgeSettings.loadEvents],
  });
  // Logs and support bundle: redacted logger for every domain, bundle of logs + settings + recent reports.
  const support = createSupportServices({
    dataDir: opts.dataDir,
    appInfo: opts.appInfo,
    platform: opts.platform,
    sources: { settings: () => vault.store.getSettings(), reports: () => recentReports(vault.store) },
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  // Every start leaves a line, so the support bundle always has a log, with whatever the documents had to recover.
  const appLog = support.logger.child('app');
  const info = opts.appInfo();
  appLog.info(`services started: ${info.name} ${info.version} (${info.runtime}, ${info.platform})`);
  for (const event of [
    ...vault.store.loadEvents,
    ...registrations.loadEvents,
    ...retestPersistence.loadEvents,
    ...bridgeSettings.loadEvents,
  ]) {
    appLog.warn(describeLoadEvent(event));
  }
  // The wizard's main side: portal windows, clipboard, automatic retests, setup report.
  const wizardLog = support.logger.child('wizard');
  const wizard = createWizardServices({
    platform: opts.platform,
    dataDir: opts.dataDir,
    retestPersistence,
    language: () => vault.settings.get().language,
    appInfo: opts.appInfo,
    data: {
      ...wizardDataFromVault(vault, { state: (id) => oauth.state(id) }),
      // The bridges are created below; the report asks only later, when the admin exports it.
      bridge: (id) => {
        const settings = bridges.connectionView(id)?.settings;
        return settings ? { listenHost: settings.host, serverType: settings.serverType } : null;
      },
    },
    getSecret: (id) => vault.getSecret(id, 'app-password'),
    onError: (err) => wizardLog.warn('wizard background task failed', err),
    onRetestUpdate: () => void wizardState.changed(),
    // Automatic retests run the same connection test with the profile's saved settings and app password.
    runProbe: createProfileProbe({
      profile: (id) => vault.store.requireProfile(id),
      getSecret: (id) => vault.getSecret(id, 'app-password'),
      probe: (input) => probe(input, probeOptions),
      onReport: (id, report) => vault.recordReport(id, report),
    }),
  });
  // Modern authentication: MSAL sign-in, refresh token in the keychain, XOAUTH2 test.
  const authority = authorityFromEnv();
  const oauth = createOAuthService({
    dataDir: opts.dataDir,
    authority,
    vault: vault.vault,
    profiles: vault.store,
    runProbe: probe,
    openBrowser: (url) => opts.platform.openExternal(url),
    probeOptions,
    ...(opts.embeddedSignIn ? { embedded: opts.embeddedSignIn } : {}),
    ...(opts.oauthNetworkClient ? { networkClient: opts.oauthNetworkClient } : {}),
    log: support.logger.child('oauth'),
    registrations,
  });
  // The OAuth bridges: one engine per connection, its tokens in the connection's keychain slot.
  const cacheSlot = (id: string) => profileCacheSlot(vault.vault, registrations, id);
  const bridges = createBridgeHost({
    settings: bridgeSettings,
    profiles: vault.store,
    registration: (id) => registrations.get(id).registration,
    authorityHost: authority.host,
    cacheSlot,
    platform: opts.platform,
    clipboard: wizard.clipboard,
    language: () => vault.settings.get().language,
    engine: {
      // The upstream is trusted like the connection test trusts it (tests add their CA).
      ...(probeOptions.ca ? { upstreamCa: probeOptions.ca } : {}),
      ...(opts.oauthNetworkClient ? { msalNetworkClient: opts.oauthNetworkClient } : {}),
      ...opts.bridgeEngine,
    },
    log: support.logger.child('bridge'),
  });
  const wizardState = composeWizardState({
    vault,
    oauth,
    retest: wizard.retest,
    probeOptions,
    log: wizardLog,
    bridges: {
      connection: (id) => bridges.connectionView(id),
      overview: () => bridges.overview(),
      forget: (id) => bridges.forget(id),
      signedIn: (id) => bridges.signedIn(id),
    },
  });
  bridges.attach((fn) => wizardState.changed(fn));
  const change = () => (fn?: () => unknown) => wizardState.changed(fn);
  const handlers: Handlers = {
    ...createWizardStateHandlers(wizardState),
    ...createBridgeHostHandlers({
      host: bridges,
      proof: createBridgeProof({ host: bridges, change, probe, probeOptions }),
      exportServer: createServerExportCommand({ host: bridges, change, platform: opts.platform, cacheSlot }),
    }),
    ...createAppHandlers({ settings: vault.settings, info: opts.appInfo }),
    ...vault.handlers,
    ...support.handlers,
    ...wizard.handlers,
    ...createDiscoveryHandlers(),
  };
  return {
    handlers,
    vault,
    support,
    wizard,
    oauth,
    wizardState,
    bridges,
    async dispose() {
      await bridges.dispose();
      wizardState.dispose();
      await oauth.dispose();
      await wizard.dispose();
      await vault.dispose();
    },
  };
}
