import { vaultChannels } from '@shared/ipc/channels/vault';
import { errorOf, invoke, okValue } from '@test/fixtures/ipc-kit';
import { vaultKit } from '@test/fixtures/vault-kit';
import { describe, expect, it } from 'vitest';

const SECRET = 'abcd efgh ijkl mnop';

async function withProfile() {
  const kit = vaultKit();
  const h = kit.services.handlers;
  const profile = okValue(
    await invoke(h, 'createProfile', { displayName: 'Rechnungen', mailboxUser: 'rechnung@contoso.de' }),
  );
  return { kit, h, profile };
}

describe('credential vault (in-memory keychain)', () => {
  it('saves to the keychain under <profileId>:<kind> and main can read it back', async () => {
    const { kit, h, profile } = await withProfile();
    expect(
      okValue(await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret: SECRET })),
    ).toEqual({
      storage: 'keychain',
    });
    expect([...kit.keychain.entries.keys()]).toEqual([`${profile.id}:app-password`]);
    expect(await kit.services.getSecret(profile.id, 'app-password')).toBe(SECRET);
    expect(okValue(await invoke(h, 'secretStatus', { profileId: profile.id, kind: 'app-password' }))).toEqual({
      saved: true,
      storage: 'keychain',
    });
  });

  it('treats a missing entry as "not saved yet", not as an error', async () => {
    const { kit, h, profile } = await withProfile();
    expect(okValue(await invoke(h, 'secretStatus', { profileId: profile.id, kind: 'oauth-refresh-token' }))).toEqual({
      saved: false,
      storage: null,
    });
    expect(await kit.services.getSecret(profile.id, 'oauth-refresh-token')).toBeNull();
    expect(await kit.services.vault.exists(profile.id, 'oauth-refresh-token')).toBe(false);
    await kit.services.vault.save(profile.id, 'oauth-refresh-token', 'token');
    expect(await kit.services.vault.exists(profile.id, 'oauth-refresh-token')).toBe(true);
  });

  it('refuses empty, blank and oversized secrets with typed codes and writes nothing', async () => {
    const { kit, h, profile } = await withProfile();
    for (const secret of ['', '   ', '\n\t']) {
      errorOf(await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret }), 'SECRET_EMPTY');
    }
    errorOf(
      await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret: 'ä'.repeat(8193) }),
      'SECRET_TOO_LONG',
    );
    expect(kit.keychain.calls).toEqual([]);
  });

  it('refuses secrets for profiles that do not exist (no orphans from the start)', async () => {
    const { kit, h } = await withProfile();
    errorOf(
      await invoke(h, 'saveSecret', { profileId: 'nope', kind: 'app-password', secret: SECRET }),
      'PROFILE_NOT_FOUND',
    );
    expect(kit.keychain.entries.size).toBe(0);
  });

  it('on keychain failure: typed error without consent, session-only storage with it', async () => {
    const { kit, h, profile } = await withProfile();
    kit.keychain.failWith = "Couldn't access platform storage: Secret Service: object locked";
    const err = errorOf(
      await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret: SECRET }),
      'KEYCHAIN_LOCKED',
    );
    expect(err.details).toMatchObject({ canUseSession: true });
    expect(JSON.stringify(err)).not.toContain(SECRET);

    const saved = okValue(
      await invoke(h, 'saveSecret', {
        profileId: profile.id,
        kind: 'app-password',
        secret: SECRET,
        fallback: 'session',
      }),
    );
    expect(saved).toMatchObject({ storage: 'session', keychainProblem: { code: 'KEYCHAIN_LOCKED' } });
    expect(await kit.services.getSecret(profile.id, 'app-password')).toBe(SECRET);
    expect(okValue(await invoke(h, 'secretStatus', { profileId: profile.id, kind: 'app-password' }))).toEqual({
      saved: true,
      storage: 'session',
    });

    // Once the keychain works again, saving moves the secret there and the session copy is dropped.
    kit.keychain.failWith = null;
    expect(
      okValue(await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret: 'newer' })).storage,
    ).toBe('keychain');
    expect(await kit.services.getSecret(profile.id, 'app-password')).toBe('newer');
  });

  it('reports keychain trouble inside the status instead of failing it', async () => {
    const { kit, h, profile } = await withProfile();
    kit.keychain.failWith = 'Platform failure: DBus error: Failed to connect to socket /x: No such file or directory';
    expect(okValue(await invoke(h, 'secretStatus', { profileId: profile.id, kind: 'app-password' }))).toMatchObject({
      saved: false,
      storage: null,
      keychainProblem: { code: 'KEYCHAIN_UNAVAILABLE' },
    });
    await expect(kit.services.getSecret(profile.id, 'app-password')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    // The rest of the app keeps working.
    expect(kit.services.store.updateProfile(profile.id, { displayName: 'Neu' }).displayName).toBe('Neu');
  });

  it('deleteSecret removes keychain and session copies', async () => {
    const { kit, h, profile } = await withProfile();
    okValue(await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret: SECRET }));
    expect(okValue(await invoke(h, 'deleteSecret', { profileId: profile.id, kind: 'app-password' }))).toEqual({
      removed: true,
    });
    expect(okValue(await invoke(h, 'deleteSecret', { profileId: profile.id, kind: 'app-password' }))).toEqual({
      removed: false,
    });
    expect(kit.keychain.entries.size).toBe(0);
  });

  it('deleting a profile deletes its secrets of every kind, and reports keychain trouble', async () => {
    const { kit, h, profile } = await withProfile();
    const other = okValue(await invoke(h, 'createProfile', { displayName: 'Andere' }));
    for (const id of [profile.id, other.id]) {
      okValue(await invoke(h, 'saveSecret', { profileId: id, kind: 'app-password', secret: SECRET }));
      okValue(await invoke(h, 'saveSecret', { profileId: id, kind: 'oauth-refresh-token', secret: 'tok' }));
    }
    const result = await kit.services.deleteProfile(profile.id);
    expect(result).toEqual({ id: profile.id, secretsRemoved: ['app-password', 'oauth-refresh-token'] });
    expect([...kit.keychain.entries.keys()].sort()).toEqual([
      `${other.id}:app-password`,
      `${other.id}:oauth-refresh-token`,
    ]);

    kit.keychain.failWith = 'Secret Service: object locked';
    const failed = await kit.services.deleteProfile(other.id);
    expect(failed.keychainProblem?.code).toBe('KEYCHAIN_LOCKED');
    expect(okValue(await invoke(h, 'listProfiles'))).toEqual([]);
  });

  it('finds orphans (entries without a profile) and removes only confirmed orphans', async () => {
    const { kit, h, profile } = await withProfile();
    okValue(await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret: SECRET }));
    kit.keychain.entries.set('gone-profile:app-password', 'x');
    kit.keychain.entries.set('hand-made', 'y');
    const orphans = okValue(await invoke(h, 'listOrphanSecrets'));
    expect(orphans).toEqual([
      { account: 'gone-profile:app-password', profileId: 'gone-profile', kind: 'app-password' },
      { account: 'hand-made', profileId: null, kind: null },
    ]);
    expect(okValue(await invoke(h, 'getNotices'))).toEqual([
      expect.objectContaining({ kind: 'orphan-secrets', count: 2 }),
    ]);

    const live = `${profile.id}:app-password`;
    expect(okValue(await invoke(h, 'removeOrphanSecrets', { accounts: [live, 'hand-made'] }))).toEqual({
      removed: ['hand-made'],
      skipped: [live],
    });
    expect(okValue(await invoke(h, 'removeOrphanSecrets', {}))).toEqual({
      removed: ['gone-profile:app-password'],
      skipped: [],
    });
    expect([...kit.keychain.entries.keys()]).toEqual([live]);
    expect(okValue(await invoke(h, 'getNotices'))).toEqual([]);
  });

  it('no channel hands a stored secret to the renderer', async () => {
    // By name: nothing in this domain's slice reads a secret (the wizard's clipboard copy is main-side too).
    expect(
      Object.keys(vaultChannels)
        .filter((n) => /secret/i.test(n))
        .sort(),
    ).toEqual(['deleteSecret', 'listOrphanSecrets', 'removeOrphanSecrets', 'saveSecret', 'secretStatus'].sort());
    // By value: every answer in a full session is free of the secret.
    const { kit, h, profile } = await withProfile();
    const answers: unknown[] = [];
    answers.push(await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret: SECRET }));
    answers.push(await invoke(h, 'secretStatus', { profileId: profile.id, kind: 'app-password' }));
    answers.push(await invoke(h, 'getProfile', { id: profile.id }));
    answers.push(await invoke(h, 'listProfiles'));
    answers.push(await invoke(h, 'exportProfiles', {}));
    answers.push(await invoke(h, 'listOrphanSecrets'));
    answers.push(await invoke(h, 'getNotices'));
    kit.keychain.failWith = 'Secret Service: object locked';
    answers.push(await invoke(h, 'saveSecret', { profileId: profile.id, kind: 'app-password', secret: SECRET }));
    answers.push(
      await invoke(h, 'saveSecret', {
        profileId: profile.id,
        kind: 'app-password',
        secret: SECRET,
        fallback: 'session',
      }),
    );
    answers.push(await kit.services.deleteProfile(profile.id));
    expect(JSON.stringify(answers)).not.toContain(SECRET);
  });
});
