/**
 * The heart of the wizard-state service: what it depends on, the one queue every change goes through, and the view
 * that follows each change. Changes run one after another, so each command's answer — and each `wizardView`
 * event — already includes every earlier command; long waits (a test, a sign-in) happen outside the queue.
 */
import { DEFAULT_DESKTOP_BEHAVIOUR } from '@shared/bridge/host-settings';
import type { BridgesView, BridgeView } from '@shared/bridge/host-view';
import type { DeleteProfileResult } from '@shared/ipc/channels/vault';
import type { ProbeReport } from '@shared/probe/report';
import type { ProbeInput } from '@shared/probe/settings';
import type { ImportReport } from '@shared/profile/transfer';
import type { WizardView } from '@shared/wizard/view';

import type { ProbeOptions } from '../imap/probe';
import { type Logger, nullLogger } from '../log/logger';
import type { OAuthService } from '../oauth/oauth-service';
import type { AppStore } from '../store/app-store';
import type { CredentialVault } from '../vault/credential-vault';
import type { RetestScheduler } from '../wizard/retest/scheduler';
import { createLastTests, type LastTestsBook } from './last-tests';
import { createTestRuns, type TestRuns } from './test-runs';
import { type ConnectionFacts, deriveView } from './view-model';

/** An export file (its contents or a path), or the settings file a start-up notice names as moved aside. */
export type ImportSource = { contents: string } | { path: string } | { noticeId: string };

export interface WizardStateDeps {
  store: AppStore;
  vault: Pick<CredentialVault, 'save' | 'status'>;
  /** The saved app password, main-side only; null when none is saved. */
  getSecret(profileId: string): Promise<string | null>;
  /** Deletes a profile with its keychain entries (keychain first, so a failed store write can be retried). */
  deleteProfile(profileId: string): Promise<DeleteProfileResult>;
  importProfiles(input: ImportSource): Promise<ImportReport> | ImportReport;
  oauth: OAuthService;
  retest: Pick<RetestScheduler, 'get' | 'start' | 'cancel' | 'recordManualAttempt' | 'forget'>;
  probe(input: ProbeInput, options: ProbeOptions): Promise<ProbeReport>;
  /** Fixed connection-test options (tests add a CA or a resolver). */
  probeOptions?: Omit<ProbeOptions, 'signal' | 'onStage'>;
  log?: Logger;
  /** The bridges' part of the view (main/core/bridge-host); without it no connection has a bridge. */
  bridges?: BridgeViewSource;
}

export interface BridgeViewSource {
  connection(profileId: string): BridgeView | null;
  overview(): BridgesView;
}

const NO_BRIDGES: BridgeViewSource = {
  connection: () => null,
  overview: () => ({
    summary: 'none',
    entries: [],
    needsSignIn: [],
    desktop: { ...DEFAULT_DESKTOP_BEHAVIOUR },
    desktopControls: false,
  }),
};

export interface Core {
  deps: WizardStateDeps;
  log: Logger;
  lastTests: LastTestsBook;
  runs: TestRuns;
  /** Where a waiting sign-in was opened, per profile. */
  signInUrls: Map<string, string>;
  /** Runs `fn` after every earlier change, then derives and publishes the view; a failure still publishes. */
  change(fn?: () => unknown): Promise<WizardView>;
  activeId(): string | undefined;
  setActive(profileId: string | undefined): void;
}

export function createCore(deps: WizardStateDeps, publish: (view: WizardView) => void): Core {
  const { store } = deps;
  const log = deps.log ?? nullLogger;
  const bridges = deps.bridges ?? NO_BRIDGES;
  const lastTests = createLastTests(store, (err) => log.warn('a test report could not be stored', err));
  const runs = createTestRuns();
  const signInUrls = new Map<string, string>();
  // Counting from the start time keeps revisions growing across a restart of main, so a page that outlives it
  // (the harness's event stream reconnects) still takes the new process's views.
  let revision = Date.now();
  let chosen: string | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  const activeId = (): string | undefined => {
    const list = store.listProfiles();
    const wanted = chosen ?? store.getSettings().activeProfileId ?? undefined;
    return list.find((p) => p.id === wanted)?.id ?? list[0]?.id;
  };

  const setActive = (profileId: string | undefined) => {
    chosen = profileId;
    try {
      store.updateSettings({ activeProfileId: profileId ?? null });
    } catch (err) {
      // Without a writable store the choice still holds for this session.
      log.warn('could not remember the active connection', err);
    }
  };

  // Each part that needs the keychain may fail on its own; the view then says "unknown" for just that part.
  async function factsOf(profileId: string): Promise<ConnectionFacts> {
    const quiet = <T>(p: Promise<T>) => p.catch(() => null);
    const [oauth, appPassword, retest] = await Promise.all([
      quiet(deps.oauth.state(profileId)),
      quiet(deps.vault.status(profileId, 'app-password')),
      quiet(deps.retest.get(profileId)),
    ]);
    return {
      profile: store.requireProfile(profileId),
      progress: store.getProgress(profileId),
      oauth,
      appPassword,
      retest,
      lastTests: lastTests.read(profileId),
      running: runs.of(profileId),
      signInUrl: signInUrls.get(profileId) ?? null,
      bridge: bridges.connection(profileId),
    };
  }

  async function view(): Promise<WizardView> {
    const id = activeId();
    const facts = id ? await factsOf(id) : null;
    return deriveView(++revision, store.listProfiles(), facts, bridges.overview());
  }

  const change = (fn?: () => unknown): Promise<WizardView> => {
    const run = tail.then(async () => {
      let failure: { err: unknown } | undefined;
      try {
        await fn?.();
      } catch (err) {
        failure = { err };
      }
      const next = await view();
      try {
        publish(next);
      } catch (err) {
        log.warn('could not send the wizard view', err);
      }
      if (failure) throw failure.err;
      return next;
    });
    tail = run.catch(() => undefined);
    return run;
  };

  return { deps, log, lastTests, runs, signInUrls, change, activeId, setActive };
}
