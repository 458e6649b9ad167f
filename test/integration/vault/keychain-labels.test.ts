/**
 * Keychain items carry a label an administrator recognises (product, connection, mailbox, what it holds), checked
 * as the Secret Service itself reports it (`secret-tool search` in a real gnome-keyring session). Lookups never
 * depend on it: renames refresh the label, and the secret is found by service and account throughout.
 */
import { KEYCHAIN_SERVICE } from '@core/vault/keychain';
import { createSecretServiceLabeller } from '@core/vault/secret-service-label';
import { createVaultServices, type VaultServices } from '@core/vault/vault-services';
import { invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import {
  bindProcessToBus,
  type KeyringSession,
  startKeyringSession,
  verifyNativeKeyringTalksTo,
} from '@test/fixtures/keyring-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let session: KeyringSession;
let services: VaultServices;
const h = () => services.handlers;
const labelOf = (account: string) => session.labelOf(KEYCHAIN_SERVICE, account);

beforeAll(async () => {
  session = await startKeyringSession('unlocked');
  bindProcessToBus(session.busAddress);
  await verifyNativeKeyringTalksTo(session);
  services = createVaultServices({ dataDir: tempDir(), orphanScanTimeoutMs: 3000 });
});

afterAll(async () => {
  await services?.dispose();
  await session?.stop();
});

describe('keychain item labels (Secret Service)', () => {
  it('a saved app password is labelled with product, connection and mailbox; a rename updates it', async () => {
    const p = okValue(
      await invoke(h(), 'createProfile', { displayName: 'Rechnungseingang', mailboxUser: 'rechnung@contoso.de' }),
    );
    const account = `${p.id}:app-password`;
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: 'abcd efgh ijkl mnop' }));
    // Before the label is set the library's own one shows: the account name, which nobody recognises.
    await expect
      .poll(() => labelOf(account))
      .toBe('Mailadapter Assistant – Rechnungseingang (rechnung@contoso.de) – App-Kennwort');

    services.store.updateProfile(p.id, { displayName: 'Eingang Nord' });
    await expect
      .poll(() => labelOf(account))
      .toBe('Mailadapter Assistant – Eingang Nord (rechnung@contoso.de) – App-Kennwort');
    services.store.updateProfile(p.id, { mailboxUser: 'nord@contoso.de' });
    await expect
      .poll(() => labelOf(account))
      .toBe('Mailadapter Assistant – Eingang Nord (nord@contoso.de) – App-Kennwort');
    // The lookup goes by service and account, never by the label.
    expect(await services.getSecret(p.id, 'app-password')).toBe('abcd efgh ijkl mnop');
    expect(await session.lookup(KEYCHAIN_SERVICE, account)).toBe('abcd efgh ijkl mnop');
  });

  it('a long refresh token stored in pieces: every piece is labelled, in the language of the app', async () => {
    services.store.updateSettings({ language: 'en' });
    const p = okValue(await invoke(h(), 'createProfile', { displayName: 'Modern', mailboxUser: 'imap@contoso.de' }));
    const token = `0.AXoA${'r'.repeat(2400)}`;
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'oauth-refresh-token', secret: token }));
    await services.vault.relabel(p.id);
    const accounts = (await session.searchAccounts(KEYCHAIN_SERVICE)).filter((a) => a.startsWith(p.id)).sort();
    expect(accounts).toEqual([
      `${p.id}:oauth-refresh-token`,
      `${p.id}:oauth-refresh-token#0`,
      `${p.id}:oauth-refresh-token#1`,
      `${p.id}:oauth-refresh-token#2`,
    ]);
    const base = 'Mailadapter Assistant – Modern (imap@contoso.de) – sign-in (refresh token)';
    expect(await Promise.all(accounts.map(labelOf))).toEqual([
      base,
      `${base}, part 1 of 3`,
      `${base}, part 2 of 3`,
      `${base}, part 3 of 3`,
    ]);
    expect(await services.getSecret(p.id, 'oauth-refresh-token')).toBe(token);
    services.store.updateSettings({ language: 'de' });
  });

  it('labelling an item that does not exist, or on a broken bus, reports false and changes nothing', async () => {
    const label = createSecretServiceLabeller(KEYCHAIN_SERVICE);
    expect(await label('no-such-profile:app-password', 'x')).toBe(false);
    const broken = createSecretServiceLabeller(KEYCHAIN_SERVICE, {
      run: async () => {
        throw new Error('org.freedesktop.DBus.Error.ServiceUnknown');
      },
    });
    expect(await broken('any:app-password', 'x')).toBe(false);
  });
});
