/**
 * The connection test as the composed app wires it: a test by profile id uses the app password saved in the real
 * OS keychain (throwaway gnome-keyring) against a real Dovecot, its report is remembered without the secret, and
 * manual tests count towards the retest scheduler's hourly cap.
 */
import { createServices, type Services } from '@core/services';
import { type DovecotServer, startDovecot } from '@test/fixtures/dovecot';
import { filesContaining, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import {
  bindProcessToBus,
  type KeyringSession,
  startKeyringSession,
  verifyNativeKeyringTalksTo,
} from '@test/fixtures/keyring-session';
import { createHarnessPlatform } from '@test/harness/harness-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const USER = 'postfach@contoso.example';
const SECRET = 'Wiring-Canary-äö "{x}" 4711';

let session: KeyringSession;
let dovecot: DovecotServer;
let services: Services;
let dataDir: string;
const h = () => services.handlers;

beforeAll(async () => {
  session = await startKeyringSession('unlocked');
  bindProcessToBus(session.busAddress);
  await verifyNativeKeyringTalksTo(session);
  dovecot = await startDovecot({
    users: [{ name: USER, password: SECRET, messages: ['Subject: eins\r\n\r\nHallo\r\n'] }],
  });
  dataDir = tempDir('wiring-');
  services = createServices({
    dataDir,
    platform: createHarnessPlatform(() => {}, { dataDir }).platform,
    appInfo: () => ({
      name: 'Mailadapter Assistant',
      version: '0.1.0',
      runtime: 'browser-harness',
      platform: 'linux',
      versions: {},
    }),
    probeOptions: { ca: [dovecot.ca], deadlineMs: 10_000 },
  });
}, 60_000);

afterAll(async () => {
  await services?.dispose();
  await dovecot?.stop();
  await session?.stop();
});

async function profileWithSecret(): Promise<string> {
  const p = okValue(
    await invoke(h(), 'createProfile', {
      displayName: 'Eingang',
      mailboxUser: USER,
      host: '127.0.0.1',
      port: dovecot.imapsPort,
      security: 'tls',
    }),
  );
  okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: SECRET }));
  okValue(await invoke(h(), 'selectConnection', { profileId: p.id }));
  return p.id;
}

const settingsOf = (port: number) => ({ host: '127.0.0.1', port, security: 'tls' as const, mailboxUser: USER });

describe('connection test wiring', () => {
  it('tests with the keychain secret when none is typed, and remembers the report', async () => {
    const id = await profileWithSecret();
    const { view } = okValue(
      await invoke(h(), 'testConnection', { profileId: id, settings: settingsOf(dovecot.imapsPort) }),
    );
    expect(view.active?.lastTests.password).toMatchObject({ ok: true, code: 'OK' });
    const reports = services.vault.store.listReports(id);
    expect(reports).toHaveLength(1);
    expect(JSON.stringify(reports)).not.toContain(SECRET);
    expect(filesContaining(dataDir, SECRET)).toEqual([]);
  });

  it('without a saved secret or typed password it stops at input with CREDENTIAL_MISSING', async () => {
    const p = okValue(
      await invoke(h(), 'createProfile', {
        displayName: 'Leer',
        mailboxUser: USER,
        host: '127.0.0.1',
        port: dovecot.imapsPort,
      }),
    );
    okValue(await invoke(h(), 'selectConnection', { profileId: p.id }));
    const { view } = okValue(
      await invoke(h(), 'testConnection', { profileId: p.id, settings: settingsOf(dovecot.imapsPort) }),
    );
    // The report names the missing credential before any connection is made.
    const report = view.active?.lastTests.password;
    expect(report).toMatchObject({ ok: false, code: 'INPUT_INVALID', stage: 'input' });
    expect(JSON.stringify(report?.stages[0]?.details)).toContain('CREDENTIAL_MISSING');
    expect(report?.stages.filter((s) => s.stage !== 'input').every((s) => s.status === 'skipped')).toBe(true);
  });

  it('counts manual tests towards the hourly cap and deleting the profile ends its retests', async () => {
    const id = await profileWithSecret();
    okValue(await invoke(h(), 'startRetest', { profileId: id }));
    const bad = okValue(
      await invoke(h(), 'testConnection', {
        profileId: id,
        settings: settingsOf(dovecot.imapsPort),
        password: 'falsch',
      }),
    );
    expect(bad.view.active?.lastTests.password?.code).toBe('AUTH_FAILED');
    expect(bad.view.active?.retest.state?.attempts.some((a) => a.code === 'AUTH_FAILED')).toBe(true);
    okValue(await invoke(h(), 'deleteConnection', { profileId: id }));
    expect(await services.wizard.retest.get(id)).toBeNull();
  });
});
