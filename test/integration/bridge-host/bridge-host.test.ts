/**
 * The bridge as the desktop app hosts it, through the composed services and the dispatcher (as Electron and the
 * harness run them): a real sign-in at the local OpenID provider with the refresh token in a real Secret Service,
 * Dovecot accepting only XOAUTH2 upstream, curl logging in with the generated password, a port someone else holds,
 * a revoked refresh token healed by a new sign-in without a restart, and a restart over the same data folder.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';

import { createServices, type Services } from '@core/services';
import type { WizardView } from '@shared/wizard/view';
import { harnessAppInfo } from '@test/fixtures/app-info';
import type { DovecotServer } from '@test/fixtures/dovecot';
import { freePort } from '@test/fixtures/dovecot';
import { errorOf, filesContaining, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import {
  bindProcessToBus,
  type KeyringSession,
  startKeyringSession,
  verifyNativeKeyringTalksTo,
} from '@test/fixtures/keyring-session';
import { type OidcProvider, TEST_CLIENT_ID } from '@test/fixtures/oidc-provider';
import { createHarnessPlatform, type HarnessObservations } from '@test/harness/harness-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdpAndDovecot, USER } from '../bridge/bridge-kit';

const run = promisify(execFile);
let keyring: KeyringSession;
let idp: OidcProvider;
let dovecot: DovecotServer;
let dataDir: string;
let services: Services;
let observed: HarnessObservations;
let profileId: string;
let port: number;
let password: string;
const logDir = () => `${dataDir}/logs`;

function start(): Services {
  const harness = createHarnessPlatform(
    (w) => {
      // The "system browser": signs in as the mailbox user at once.
      if (w.kind === 'external') void idp.browse(w.url);
    },
    { dataDir },
  );
  observed = harness.observed;
  return createServices({
    dataDir,
    platform: harness.platform,
    appInfo: harnessAppInfo,
    probeOptions: { ca: [dovecot.ca] },
    oauthNetworkClient: idp.msalNetworkClient,
    bridgeEngine: { throttle: { baseDelayMs: 20, maxDelayMs: 100, windowMs: 60_000 } },
  });
}

const bridgeOf = (view: WizardView) => view.active!.bridge!;
async function settled(): Promise<WizardView> {
  await new Promise((r) => setTimeout(r, 300));
  return okValue(await invoke(services.handlers, 'getWizardView'));
}

beforeAll(async () => {
  keyring = await startKeyringSession('unlocked');
  bindProcessToBus(keyring.busAddress);
  await verifyNativeKeyringTalksTo(keyring);
  ({ idp, dovecot } = await startIdpAndDovecot());
  // Every bridge login renews its token (the lifetime is inside the renewal margin), so a revocation shows at once.
  idp.accessTokenTtl = 120;
  process.env.MAILADAPTER_OAUTH_AUTHORITY_HOST = idp.host;
  dataDir = tempDir('maa-bridge-host-');
  services = start();
  const view = okValue(
    await invoke(services.handlers, 'createConnection', {
      draft: {
        displayName: 'Posteingang',
        mailboxUser: USER,
        host: '127.0.0.1',
        port: dovecot.imapsPort,
        security: 'tls',
      },
    }),
  );
  profileId = view.active!.profile.id;
  okValue(
    await invoke(services.handlers, 'saveOAuthIds', {
      profileId,
      tenant: idp.tenantId,
      clientId: TEST_CLIENT_ID,
      mode: 'system-browser',
    }),
  );
  okValue(await invoke(services.handlers, 'signIn', { profileId }));
  port = await freePort();
}, 60_000);

afterAll(async () => {
  await services?.dispose();
  await dovecot?.stop();
  await idp?.stop();
  await keyring?.stop();
  delete process.env.MAILADAPTER_OAUTH_AUTHORITY_HOST;
});

describe('the bridge hosted by the app', () => {
  it('refuses a start without a password, with the missing piece named', async () => {
    okValue(await invoke(services.handlers, 'configureBridge', { profileId, setup: { host: '127.0.0.1', port } }));
    errorOf(await invoke(services.handlers, 'startBridge', { profileId }), 'BRIDGE_NO_PASSWORD');
  });

  it('refuses bad settings with a field code and changes nothing', async () => {
    const err = errorOf(
      await invoke(services.handlers, 'configureBridge', { profileId, setup: { host: '192.0.2.10' } }),
      'INPUT_INVALID',
    );
    expect(JSON.stringify(err.details)).toContain('bridgeTls.requiredOffLoopback');
    const view = await settled();
    expect(bridgeOf(view).settings.host).toBe('127.0.0.1');
  });

  it('configure → generate → start → testBridge succeeds, and curl downloads a message with the password', async () => {
    const generated = okValue(await invoke(services.handlers, 'generateBridgePassword', { profileId }));
    password = generated.password;
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(generated.replaced).toBe(false);
    const started = okValue(await invoke(services.handlers, 'startBridge', { profileId }));
    expect(bridgeOf(started).state).toBe('running');
    expect(bridgeOf(started).listening).toMatchObject({ host: '127.0.0.1', port });
    expect(bridgeOf(started).agorum).toMatchObject({
      emailHost: '127.0.0.1',
      emailPath: 'INBOX',
      emailUser: USER,
      serverType: 'imap',
    });

    const tested = okValue(await invoke(services.handlers, 'testBridge', { profileId }));
    const last = bridgeOf(tested).test.last!;
    expect(last.code).toBe('OK');
    expect(last.report.ok).toBe(true);
    expect(last.report.stages.find((s) => s.stage === 'mailbox')?.status).toBe('ok');

    const { stdout } = await run('curl', [
      '-sS',
      '--max-time',
      '15',
      `imap://127.0.0.1:${port}/INBOX;UID=1`,
      '-u',
      `${USER}:${password}`,
    ]);
    expect(stdout).toContain('Subject: Test 1');
    const view = await settled();
    expect(bridgeOf(view).lastLogin?.code).toBe('OK');
    expect(view.bridges.summary).toBe('running');
  });

  it('copies the password through main (cleared later) and plain values as they are', async () => {
    const copied = okValue(await invoke(services.handlers, 'copyBridgeValue', { profileId, field: 'password' }));
    expect(copied.clearAfterMs).toBe(30_000);
    expect(observed.clipboard).toBe(password);
    okValue(await invoke(services.handlers, 'copyBridgeValue', { profileId, field: 'emailUser' }));
    expect(observed.clipboard).toBe(USER);
  });

  it('a wrong password is diagnosed as the local password, not as Exchange', async () => {
    const view = okValue(
      await invoke(services.handlers, 'testBridge', { profileId, password: 'WrongPassword0000000000' }),
    );
    expect(bridgeOf(view).test.last!.code).toBe('BRIDGE_PASSWORD_WRONG');
    expect(bridgeOf(await settled()).recentErrors[0]?.code).toBe('BRIDGE_PASSWORD_WRONG');
  });

  it('regenerating refuses the old password at once in the running bridge', async () => {
    const old = password;
    const next = okValue(await invoke(services.handlers, 'generateBridgePassword', { profileId }));
    expect(next.replaced).toBe(true);
    const refused = okValue(await invoke(services.handlers, 'testBridge', { profileId, password: old }));
    expect(bridgeOf(refused).test.last!.code).toBe('BRIDGE_PASSWORD_WRONG');
    password = next.password;
    expect(bridgeOf(okValue(await invoke(services.handlers, 'testBridge', { profileId }))).test.last!.code).toBe('OK');
  });

  it('a port someone else holds is explained, with who answers there and free alternatives', async () => {
    const taken = await freePort();
    const occupant = net.createServer((s) => s.end('* OK [CAPABILITY IMAP4rev1] agorum core IMAP ready\r\n'));
    await new Promise<void>((r) => occupant.listen(taken, '127.0.0.1', () => r()));
    try {
      const check = okValue(await invoke(services.handlers, 'checkBridgePort', { profileId, port: taken }));
      expect(check).toMatchObject({
        free: false,
        problem: { code: 'BRIDGE_PORT_IN_USE' },
        occupant: { speaksImap: true },
      });
      expect(check.occupant!.greeting).toContain('agorum core IMAP ready');
      expect(check.alternatives.length).toBeGreaterThan(0);
      expect(check.alternatives[0]).toMatchObject({ host: '127.0.0.2', port: taken });
      const own = okValue(await invoke(services.handlers, 'checkBridgePort', { profileId }));
      expect(own).toMatchObject({ free: true, ownBridge: true });

      const moved = okValue(await invoke(services.handlers, 'configureBridge', { profileId, setup: { port: taken } }));
      expect(bridgeOf(moved).state).toBe('start-failed');
      expect(bridgeOf(moved).startProblem?.code).toBe('BRIDGE_PORT_IN_USE');
      const test = okValue(await invoke(services.handlers, 'testBridge', { profileId }));
      expect(bridgeOf(test).test.last!.code).toBe('BRIDGE_PORT_TAKEN');
    } finally {
      occupant.close();
    }
    okValue(await invoke(services.handlers, 'configureBridge', { profileId, setup: { port } }));
    errorOf(await invoke(services.handlers, 'configureBridge', { profileId, setup: { port: 70000 } }), 'INPUT_INVALID');
    expect(bridgeOf(okValue(await invoke(services.handlers, 'startBridge', { profileId }))).state).toBe('running');
  });

  it('a revoked refresh token: needs sign-in, exactly one notification, healed by a new sign-in without restart', async () => {
    idp.revokeRefreshTokens();
    const first = okValue(await invoke(services.handlers, 'testBridge', { profileId }));
    expect(bridgeOf(first).test.last!.code).toBe('BRIDGE_NEEDS_SIGN_IN');
    okValue(await invoke(services.handlers, 'testBridge', { profileId }));
    const view = await settled();
    expect(bridgeOf(view).state).toBe('needs-sign-in');
    expect(view.bridges.summary).toBe('needs-sign-in');
    expect(view.bridges.needsSignIn.map((e) => e.profileId)).toEqual([profileId]);
    expect(observed.notifications.filter((n) => n.title.includes('Anmeldung nötig'))).toHaveLength(1);

    okValue(await invoke(services.handlers, 'signIn', { profileId }));
    const healed = await settled();
    expect(bridgeOf(healed).state).toBe('running');
    expect(bridgeOf(healed).refresh).toBe('ok');
    expect(healed.bridges.needsSignIn).toEqual([]);
    expect(bridgeOf(okValue(await invoke(services.handlers, 'testBridge', { profileId }))).test.last!.code).toBe('OK');
  });

  it('start with the computer goes to the host only when it changes', async () => {
    okValue(await invoke(services.handlers, 'setDesktopBehaviour', { startWithComputer: true }));
    okValue(
      await invoke(services.handlers, 'setDesktopBehaviour', { startWithComputer: true, closeWithBridge: 'quit' }),
    );
    const view = okValue(await invoke(services.handlers, 'setDesktopBehaviour', { startWithComputer: false }));
    expect(observed.openAtLogin).toEqual([true, false]);
    expect(view.bridges.desktop).toEqual({
      keepRunningInBackground: false,
      startWithComputer: false,
      closeWithBridge: 'quit',
    });
  });

  it('export carries the bridge settings, never the password hash or a token', async () => {
    const exported = okValue(await invoke(services.handlers, 'exportProfiles', {}));
    const file = JSON.parse(exported.contents) as { profiles: { bridge?: Record<string, unknown> }[] };
    expect(file.profiles[0]!.bridge).toMatchObject({
      host: '127.0.0.1',
      port,
      serverType: 'imap',
      agorumRuns: 'this-computer',
    });
    expect(exported.contents).not.toContain('scrypt$');
    expect(exported.contents).not.toContain(password);
  });

  it('after a restart over the same data folder and keychain the bridge comes back with its settings', async () => {
    await services.dispose();
    services = start();
    await services.bridges.startAll();
    const view = await settled();
    expect(bridgeOf(view).state).toBe('running');
    expect(bridgeOf(view).listening?.port).toBe(port);
    expect(bridgeOf(view).settings.passwordCopyable).toBe(false);
    errorOf(await invoke(services.handlers, 'testBridge', { profileId }), 'BRIDGE_PASSWORD_NEEDED');
    const typed = okValue(await invoke(services.handlers, 'testBridge', { profileId, password }));
    expect(bridgeOf(typed).test.last!.code).toBe('OK');
  });

  it('the password and tokens appear in no file the app writes and in no log', async () => {
    expect(filesContaining(dataDir, password)).toEqual([]);
    const cache = readFileSync(`${dataDir}/bridge.json`, 'utf8');
    expect(cache).toContain('scrypt$');
    expect(idp.issuedSecrets.length).toBeGreaterThan(0);
    for (const token of idp.issuedSecrets) expect(filesContaining(dataDir, token)).toEqual([]);
    expect(filesContaining(logDir(), password)).toEqual([]);
    const view = JSON.stringify(await settled());
    expect(view).not.toContain(password);
    expect(view).not.toContain('scrypt$');
  });
});
