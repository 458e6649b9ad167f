/**
 * What must hold whenever the keychain is unusable, whatever the cause: a typed error with German/English advice,
 * an explicit session-only fallback, and an app that keeps working. Each variant runs in its own test file
 * (own process), because @napi-rs/keyring binds to the first D-Bus it sees.
 */
import { createNativeKeychain } from '@core/vault/native-keychain';
import { createVaultServices, type VaultServices } from '@core/vault/vault-services';
import type { KeychainErrorCode } from '@shared/profile/secrets';
import { errorOf, filesContaining, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export interface FaultStarted {
  cleanup(): Promise<void>;
  /** A profile (already in the store of `dataDir`) whose app password sits in the keychain behind the fault. */
  seededProfileId?: string;
}

export interface FaultSetup {
  /** Starts the faulty keychain and binds this process to it; may seed `dataDir` before services open it. */
  start(dataDir: string): Promise<FaultStarted>;
  code: KeychainErrorCode;
  /**
   * 'fail': every read fails typed (no bus, policy). 'not-saved': asking about an entry that cannot exist is
   * answered normally (no persistent keyring; a locked keyring only fails for entries behind the lock).
   */
  reads: 'fail' | 'not-saved';
  /** The variant plants an entry behind the fault (`seededProfileId`), to test reading an unreachable secret. */
  seeded?: boolean;
  /** Words the advice must contain, per language. */
  advice: { de: RegExp; en: RegExp };
  /** Whether listing entries (orphan scan) fails too, or just finds none. */
  listing: 'fails' | 'empty';
}

export function keychainFaultSuite(name: string, setup: FaultSetup): void {
  describe(`keychain fault: ${name}`, () => {
    let services: VaultServices;
    let dataDir: string;
    let started: FaultStarted | undefined;
    const secret = 'Sitzungs-Geheimnis-ÄÖÜ-42';

    beforeAll(async () => {
      dataDir = tempDir();
      started = await setup.start(dataDir);
      services = createVaultServices({
        dataDir,
        keychain: createNativeKeychain({ timeoutMs: 10_000 }),
        orphanScanTimeoutMs: 5000,
      });
    });
    afterAll(async () => {
      await services?.dispose();
      await started?.cleanup();
    });

    it(`saving fails with ${setup.code}, advice in German and English, session offered`, async () => {
      const p = okValue(await invoke(services.handlers, 'createProfile', { displayName: 'P' }));
      const err = errorOf(
        await invoke(services.handlers, 'saveSecret', { profileId: p.id, kind: 'app-password', secret }),
        setup.code,
      );
      const details = err.details as { text: { de: string; en: string }; canUseSession: boolean; cause: string };
      expect(details.canUseSession).toBe(true);
      expect(details.text.de).toMatch(setup.advice.de);
      expect(details.text.en).toMatch(setup.advice.en);
      expect(err.message).toBe(details.text.en);
      expect(JSON.stringify(err)).not.toContain(secret);
    });

    it('with consent the secret is kept for this session only, clearly labelled, and never on disk', async () => {
      const p = okValue(await invoke(services.handlers, 'createProfile', { displayName: 'Sitzung' }));
      const saved = okValue(
        await invoke(services.handlers, 'saveSecret', {
          profileId: p.id,
          kind: 'app-password',
          secret,
          fallback: 'session',
        }),
      );
      expect(saved).toEqual({ storage: 'session', keychainProblem: { code: setup.code, message: expect.any(String) } });
      expect(
        okValue(await invoke(services.handlers, 'secretStatus', { profileId: p.id, kind: 'app-password' })),
      ).toEqual({
        saved: true,
        storage: 'session',
      });
      expect(await services.getSecret(p.id, 'app-password')).toBe(secret);
      expect(filesContaining(dataDir, secret)).toEqual([]);
    });

    it(`status of an unsaved secret: ${setup.reads === 'fail' ? 'the problem is reported, not thrown' : 'normal "not saved"'}`, async () => {
      const p = okValue(await invoke(services.handlers, 'createProfile', { displayName: 'Status' }));
      const status = okValue(
        await invoke(services.handlers, 'secretStatus', { profileId: p.id, kind: 'oauth-refresh-token' }),
      );
      if (setup.reads === 'fail') {
        expect(status).toEqual({
          saved: false,
          storage: null,
          keychainProblem: { code: setup.code, message: expect.any(String) },
        });
        await expect(services.getSecret(p.id, 'oauth-refresh-token')).rejects.toMatchObject({ code: setup.code });
      } else {
        expect(status).toEqual({ saved: false, storage: null });
        expect(await services.getSecret(p.id, 'oauth-refresh-token')).toBeNull();
      }
    });

    if (setup.seeded) {
      it('a secret that exists but cannot be reached reports the problem', async () => {
        const id = started!.seededProfileId!;
        expect(
          okValue(await invoke(services.handlers, 'secretStatus', { profileId: id, kind: 'app-password' })),
        ).toEqual({
          saved: false,
          storage: null,
          keychainProblem: { code: setup.code, message: expect.any(String) },
        });
        await expect(services.getSecret(id, 'app-password')).rejects.toMatchObject({ code: setup.code });
      });
    }

    it('the rest of the app keeps working: profiles, progress, notices, delete', async () => {
      const p = okValue(await invoke(services.handlers, 'createProfile', { displayName: 'Weiter' }));
      expect(services.store.updateProfile(p.id, { displayName: 'Weiter 2' }).displayName).toBe('Weiter 2');
      expect(services.store.applyStepAction(p.id, 'start', { action: 'confirm' }).steps.start?.status).toBe('done');
      const t0 = Date.now();
      const notices = okValue(await invoke(services.handlers, 'getNotices'));
      expect(Date.now() - t0).toBeLessThan(5000 + 500);
      expect(notices.filter((n) => n.kind === 'orphan-secrets')).toEqual([]);
      // Deleting a profile whose entry sits behind the fault reports it (the entry later shows up as an orphan).
      const victim = started?.seededProfileId ?? p.id;
      const deleted = await services.deleteProfile(victim);
      if (setup.reads === 'fail' || started?.seededProfileId) expect(deleted.keychainProblem?.code).toBe(setup.code);
      else expect(deleted.keychainProblem).toBeUndefined();
      expect(okValue(await invoke(services.handlers, 'listProfiles')).map((x) => x.id)).not.toContain(victim);
    });

    it(`listing keychain entries ${setup.listing === 'fails' ? 'fails typed' : 'finds nothing'}`, async () => {
      const result = await invoke(services.handlers, 'listOrphanSecrets');
      if (setup.listing === 'empty') expect(okValue(result)).toEqual([]);
      else expect(result.ok ? 'ok' : result.error.code).toMatch(/^KEYCHAIN_/);
    });
  });
}
