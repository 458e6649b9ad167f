/**
 * The OAuth bridges the desktop app hosts, one engine per connection, with their settings in bridge.json. Commands
 * run through the wizard's change queue (`change`), so each answer — and each `wizardView` — includes them; what
 * the engines report between commands (agorum's logins, sessions, a dead refresh token) publishes a fresh view,
 * coalesced. The local password exists in the clear only in this process's memory, after it was generated.
 */
import {
  type BridgeSetup,
  defaultBridge,
  type DesktopBehaviour,
  type StoredBridge,
} from '@shared/bridge/host-settings';
import type { BridgeListEntry, BridgePortCheck, BridgeView } from '@shared/bridge/host-view';
import type { Language } from '@shared/ipc/channels/app';
import type { BridgeValueField, GeneratedBridgePassword } from '@shared/ipc/channels/bridge';
import { AppError } from '@shared/ipc/result';
import type { OAuthRegistration } from '@shared/oauth/registration';
import type { Profile } from '@shared/profile/profile';
import type { CopySecretResult } from '@shared/wizard/clipboard';
import type { WizardView } from '@shared/wizard/view';

import type { BridgeDeps } from '../bridge/bridge';
import { generatePassword, hashPassword } from '../bridge/local-password';
import { keychainTokenStore } from '../bridge/token-store';
import { type Logger, nullLogger } from '../log/logger';
import type { SecretSlot } from '../oauth/secret-slot';
import type { Platform } from '../platform';
import type { BridgeSettingsStore } from './bridge-settings-store';
import { agorumValues, bridgesView, bridgeView, listEntry } from './bridge-view';
import { engineConfigFor, listenOf } from './engine-config';
import { HostedBridge } from './hosted-bridge';
import { checkPort } from './port-check';
import { settingsAfter } from './settings-change';
import { needsSignInNotice } from './sign-in-notice';

export interface BridgeHostDeps {
  settings: BridgeSettingsStore;
  profiles: { getProfile(id: string): Profile | undefined; requireProfile(id: string): Profile };
  registration(profileId: string): OAuthRegistration | null;
  /** The sign-in service's host, as modern authentication uses it. */
  authorityHost: string;
  /** The connection's MSAL cache in the keychain, as its sign-in wrote it. */
  cacheSlot(profileId: string): SecretSlot;
  platform: Pick<Platform, 'runtime' | 'notify' | 'setOpenAtLogin'>;
  clipboard: { copySecret(secret: string): Promise<CopySecretResult>; copyText(text: string): Promise<void> };
  language(): Language;
  /** Extra engine dependencies (tests: the local sign-in service's HTTP client, the test CA, a fast throttle). */
  engine?: Partial<Omit<BridgeDeps, 'tokenStore' | 'log' | 'certificate'>>;
  log?: Logger;
  now?: () => Date;
  /** How long engine-originated changes are gathered into one view. */
  publishDelayMs?: number;
}

export type ChangeQueue = (fn?: () => unknown) => Promise<WizardView>;

export function createBridgeHost(deps: BridgeHostDeps) {
  const log = deps.log ?? nullLogger;
  const now = deps.now ?? (() => new Date());
  const hosted = new Map<string, HostedBridge>();
  let change: ChangeQueue = async () => {
    throw new Error('the bridge host is not attached to the wizard');
  };
  let publishTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const publishSoon = () => {
    if (publishTimer || disposed) return;
    publishTimer = setTimeout(() => {
      publishTimer = undefined;
      void change().catch((err: unknown) => log.warn('could not publish the bridge status', err));
    }, deps.publishDelayMs ?? 150);
    publishTimer.unref?.();
  };

  function hostedFor(profileId: string): HostedBridge {
    let h = hosted.get(profileId);
    if (!h) {
      h = new HostedBridge({
        engineDeps: {
          tokenStore: keychainTokenStore(() => deps.cacheSlot(profileId)),
          log: log.child(`bridge:${profileId.slice(0, 8)}`),
          ...deps.engine,
        },
        log,
        now,
        onChange: publishSoon,
        onNeedsSignIn: (e) => {
          const profile = deps.profiles.getProfile(profileId);
          const text = needsSignInNotice(deps.language(), profile?.displayName ?? e.mailbox, e.mailbox);
          try {
            deps.platform.notify(text.title, text.body);
          } catch (err) {
            log.warn('could not show the sign-in notification', err);
          }
        },
      });
      hosted.set(profileId, h);
    }
    return h;
  }

  const stored = (profileId: string): StoredBridge => {
    deps.profiles.requireProfile(profileId);
    const b = deps.settings.get(profileId);
    if (!b) throw new AppError('BRIDGE_NOT_CONFIGURED', 'Set up the bridge of this connection first.');
    return b;
  };

  const configOf = (profileId: string, bridge: StoredBridge) =>
    engineConfigFor({
      profile: deps.profiles.requireProfile(profileId),
      registration: deps.registration(profileId),
      authorityHost: deps.authorityHost,
      bridge,
    });

  /** Starts (or restarts) the engine; a refusal is kept for the view and rethrown with its code. */
  async function launch(profileId: string, bridge: StoredBridge): Promise<void> {
    const config = configOf(profileId, bridge);
    try {
      await hostedFor(profileId).start(config);
    } catch (err) {
      const e = err as { code?: string; message?: string; alternatives?: unknown };
      throw new AppError(e.code ?? 'BRIDGE_BIND_FAILED', e.message ?? 'The bridge could not start.', {
        alternatives: e.alternatives ?? [],
      });
    }
  }

  const listenKey = (b: StoredBridge) => JSON.stringify(listenOf(b));

  /** A new local password (hash stored, password kept in memory); a running engine refuses the old one at once. */
  function adoptPassword(profileId: string, hash: string, password: string, date: Date): void {
    deps.profiles.requireProfile(profileId);
    const at = date.toISOString();
    const current = deps.settings.get(profileId) ?? defaultBridge(at);
    const next = deps.settings.set(profileId, { ...current, passwordHash: hash, passwordSetAt: at, updatedAt: at });
    const h = hostedFor(profileId);
    h.password = password;
    if (h.running) h.reload(configOf(profileId, next));
  }

  function viewOf(profileId: string): BridgeView | null {
    const bridge = deps.settings.get(profileId);
    const profile = deps.profiles.getProfile(profileId);
    if (!bridge || !profile) return null;
    return bridgeView(bridge, profile.mailboxUser, hostedFor(profileId).facts(), now());
  }

  return {
    /** Joins the wizard's change queue; called once by the composition root. */
    attach(queue: ChangeQueue): void {
      change = queue;
    },

    connectionView: viewOf,

    overview() {
      const entries: BridgeListEntry[] = [];
      for (const id of deps.settings.ids()) {
        const profile = deps.profiles.getProfile(id);
        const bridge = deps.settings.get(id);
        if (!profile || !bridge) continue;
        entries.push(listEntry(id, profile, bridge, hostedFor(id).facts(), now()));
      }
      return bridgesView(entries, deps.settings.desktop(), deps.platform.runtime === 'electron');
    },

    /** At app start: every connection whose bridge is enabled, each on its own (one refusal stops no other). */
    async startAll(): Promise<void> {
      for (const id of deps.settings.ids()) {
        const bridge = deps.settings.get(id);
        if (!bridge?.enabled || !deps.profiles.getProfile(id)) continue;
        await launch(id, bridge).catch((err: unknown) =>
          log.warn(`bridge of ${id.slice(0, 8)} did not start: ${(err as AppError).code ?? 'unknown'}`),
        );
      }
      await change();
    },

    configure: (profileId: string, setup: BridgeSetup) =>
      change(async () => {
        deps.profiles.requireProfile(profileId);
        const at = now().toISOString();
        const current = deps.settings.get(profileId) ?? defaultBridge(at);
        const checked = settingsAfter(current, setup, at);
        deps.settings.set(profileId, checked);
        const h = hostedFor(profileId);
        if (h.running && listenKey(current) !== listenKey(checked)) {
          // The running bridge moves to the new address; a refusal shows in the view with its alternatives.
          await launch(profileId, checked).catch(() => undefined);
        }
      }),

    async checkPort(profileId: string, host?: string, port?: number): Promise<BridgePortCheck> {
      deps.profiles.requireProfile(profileId);
      const saved = deps.settings.get(profileId) ?? defaultBridge(now().toISOString());
      const target = { host: host ?? saved.host, port: port ?? agorumValues(saved, '').port };
      const own = hostedFor(profileId).listener;
      if (own && own.host === target.host && own.port === target.port) {
        return { ...target, free: true, ownBridge: true, problem: null, occupant: null, alternatives: [] };
      }
      return checkPort(target.host, target.port);
    },

    async generatePassword(profileId: string): Promise<GeneratedBridgePassword> {
      const password = generatePassword();
      const hash = await hashPassword(password);
      let replaced = false;
      const view = await change(() => {
        replaced = deps.settings.get(profileId)?.passwordHash != null;
        adoptPassword(profileId, hash, password, now());
      });
      return { view, password, replaced };
    },

    async copyValue(
      profileId: string,
      field: BridgeValueField,
    ): Promise<{ field: BridgeValueField } & Partial<CopySecretResult>> {
      const bridge = stored(profileId);
      if (field === 'password') {
        const password = hostedFor(profileId).password;
        if (!password) {
          throw new AppError(
            'BRIDGE_PASSWORD_NOT_COPYABLE',
            'The local password is shown only once, in the session that generated it; generate a new one.',
          );
        }
        return { field, ...(await deps.clipboard.copySecret(password)) };
      }
      const values = agorumValues(bridge, deps.profiles.requireProfile(profileId).mailboxUser);
      const text = field === 'serverType' ? values.serverTypeLabel : values[field];
      if (!text) throw new AppError('BRIDGE_NO_MAILBOX', 'Enter the mailbox user of this connection first.');
      await deps.clipboard.copyText(text);
      return { field };
    },

    start: (profileId: string) =>
      change(async () => {
        const bridge = stored(profileId);
        configOf(profileId, bridge);
        const enabled = deps.settings.set(profileId, { ...bridge, enabled: true, updatedAt: now().toISOString() });
        await launch(profileId, enabled);
      }),

    stop: (profileId: string) =>
      change(async () => {
        const bridge = stored(profileId);
        deps.settings.set(profileId, { ...bridge, enabled: false, updatedAt: now().toISOString() });
        await hostedFor(profileId).stop();
      }),

    /** The mailbox user signed in again: a running bridge renews its token now and its status heals. */
    async signedIn(profileId: string): Promise<void> {
      const h = hosted.get(profileId);
      if (!h?.running) return;
      await h.renew();
      await change();
    },

    /** A deleted connection: its bridge stops and its settings go. */
    async forget(profileId: string): Promise<void> {
      const h = hosted.get(profileId);
      h?.testRun?.control.abort();
      await h?.stop();
      hosted.delete(profileId);
      deps.settings.remove(profileId);
    },

    setDesktop: (patch: Partial<DesktopBehaviour>) =>
      change(() => {
        const before = deps.settings.desktop();
        const after = deps.settings.setDesktop(patch);
        if (after.startWithComputer !== before.startWithComputer)
          deps.platform.setOpenAtLogin?.(after.startWithComputer);
      }),

    desktop: () => deps.settings.desktop(),
    /** Whether any bridge listens now (the window-close rule asks only then). */
    anyRunning: () => [...hosted.values()].some((h) => h.running),
    hosted: (profileId: string) => hostedFor(profileId),
    stored,
    configOf,
    mailbox: (profileId: string) => deps.profiles.requireProfile(profileId).mailboxUser,
    displayName: (profileId: string) => deps.profiles.requireProfile(profileId).displayName,
    adoptPassword,

    async dispose(): Promise<void> {
      disposed = true;
      clearTimeout(publishTimer);
      await Promise.all([...hosted.values()].map((h) => h.stop(500)));
    },
  };
}

export type BridgeHost = ReturnType<typeof createBridgeHost>;
