/**
 * The network check and the password test, with the app password they need, plus the automatic retests. A secret
 * travels from the form or the keychain into the probe and no further: views, events and errors carry none.
 */
import type { TestConnectionResult } from '@shared/ipc/channels/wizard-state';
import { AppError, type IpcError } from '@shared/ipc/result';
import type { ProbeStageEvent } from '@shared/probe/report';
import type { Credential } from '@shared/probe/settings';
import type { ImapSecurity } from '@shared/profile/profile';
import type { SaveSecretResult } from '@shared/profile/secrets';
import type { TestKind, WizardView } from '@shared/wizard/view';

import type { Core } from './core';
import { isPermanent } from './rules';
import { createTestFlow } from './test-flow';
import type { TestRun } from './test-runs';

export type StageListener = (event: ProbeStageEvent) => void;

export interface TestSettings {
  host: string;
  port: number;
  security: ImapSecurity;
  mailboxUser: string;
}

const asIpcError = (err: unknown): IpcError =>
  err instanceof AppError
    ? { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) }
    : { code: 'KEYCHAIN_FAILED', message: 'The keychain could not store the app password.' };

export function testCommands(core: Core) {
  const { store, vault } = core.deps;
  const { runTest } = createTestFlow(core);

  /** `credential: null` is the network check; an undefined one lets the probe report the missing password. */
  const probeWith = (
    test: TestRun,
    onStage: StageListener | undefined,
    settings: TestSettings,
    credential: Credential | null | undefined,
  ) =>
    core.deps.probe(
      {
        host: settings.host,
        port: settings.port,
        security: settings.security,
        user: settings.mailboxUser,
        networkOnly: credential === null,
        ...(credential ? { credential } : {}),
      },
      { ...core.deps.probeOptions, signal: test.signal, onStage: (e) => onStage?.({ runId: test.runId, ...e }) },
    );

  /** The saved app password; without one the probe itself reports the missing credential. */
  async function savedPassword(profileId: string): Promise<Credential | undefined> {
    let secret: string | null;
    try {
      secret = await core.deps.getSecret(profileId);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('SECRET_UNAVAILABLE', 'The saved password could not be read from the keychain.');
    }
    return secret === null ? undefined : { kind: 'password', password: secret };
  }

  return {
    checkNetwork: (profileId: string, onStage?: StageListener): Promise<WizardView> =>
      runTest(
        profileId,
        'network',
        () => {},
        async (test) => ({ report: await probeWith(test, onStage, store.requireProfile(profileId), null) }),
      ),

    /** Fields first, then a typed password, then the sign-in with them: what the admin sees is what was tested. */
    async testConnection(
      profileId: string,
      settings: TestSettings,
      password: string | undefined,
      onStage?: StageListener,
    ): Promise<TestConnectionResult> {
      let secretSaved: SaveSecretResult | undefined;
      let secretError: IpcError | undefined;
      const prepare = async () => {
        const p = store.requireProfile(profileId);
        const changed = (Object.keys(settings) as (keyof TestSettings)[]).some((k) => p[k] !== settings[k]);
        if (changed) store.updateProfile(profileId, settings);
        if (!password) return;
        try {
          secretSaved = await vault.save(profileId, 'app-password', password, 'none');
        } catch (err) {
          secretError = asIpcError(err);
        }
      };
      const view = await runTest(profileId, 'password', prepare, async (test) => {
        // A typed password is tested even when the keychain refused to keep it.
        const credential = password ? ({ kind: 'password', password } as const) : await savedPassword(profileId);
        return { report: await probeWith(test, onStage, settings, credential) };
      });
      return { view, ...(secretSaved ? { secretSaved } : {}), ...(secretError ? { secretError } : {}) };
    },

    async saveAppPassword(profileId: string, secret: string, fallback: 'none' | 'session') {
      let saved: SaveSecretResult | undefined;
      const view = await core.change(async () => {
        store.requireProfile(profileId);
        saved = await vault.save(profileId, 'app-password', secret, fallback);
      });
      return { view, saved: saved! };
    },

    cancelTest: (profileId: string, kind: TestKind) => ({ cancelled: core.runs.cancel(profileId, kind) }),

    /** Every retest counts towards lockout: none starts when waiting cannot change the last password test. */
    startRetest: (profileId: string) =>
      core.change(async () => {
        store.requireProfile(profileId);
        const last = core.lastTests.read(profileId).password;
        if (last && isPermanent(last)) {
          throw new AppError(
            'RETEST_NOT_USEFUL',
            'The last test failed for a reason no retest can change; no automatic retest is started.',
          );
        }
        await core.deps.retest.start(profileId);
      }),

    cancelRetest: (profileId: string) =>
      core.change(async () => {
        store.requireProfile(profileId);
        await core.deps.retest.cancel(profileId);
      }),
  };
}
