/**
 * The modern-auth track end to end under plain Node, nothing mocked but Microsoft: MSAL against the local OIDC
 * provider, the refresh token in a real Secret Service (gnome-keyring on a private bus), XOAUTH2 against a real
 * Dovecot whose oauth2 passdb asks the provider's introspection endpoint (signature, expiry, audience, scope).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { probe } from '@core/imap/probe';
import { createMemoryLogger, type MemoryLogEntry } from '@core/log/logger';
import { createOAuthService, type OAuthService } from '@core/oauth/oauth-service';
import { KEYCHAIN_SERVICE } from '@core/vault/keychain';
import { createVaultServices, type VaultServices } from '@core/vault/vault-services';
import { diagnose } from '@shared/diagnosis/diagnose';
import { AppError, fail, ok, type Result } from '@shared/ipc/result';
import type { OAuthTestResult, SignInStartedEvent } from '@shared/oauth/state';
import { refineTokenDiagnosis } from '@shared/oauth/xoauth2-causes';
import type { Profile } from '@shared/profile/profile';
import type { DovecotServer } from '@test/fixtures/dovecot';
import { startOAuthDovecot } from '@test/fixtures/dovecot-oauth';
import { errorOf, filesContaining, tempDir } from '@test/fixtures/ipc-kit';
import {
  bindProcessToBus,
  type KeyringSession,
  startKeyringSession,
  verifyNativeKeyringTalksTo,
} from '@test/fixtures/keyring-session';
import { type OidcProvider, startOidcProvider, TEST_CLIENT_ID } from '@test/fixtures/oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const USER = 'imap@contoso.example';

let keyring: KeyringSession;
let idp: OidcProvider;
let dovecot: DovecotServer;
let vault: VaultServices;
let dataDir: string;
let profile: Profile;
const logEntries: MemoryLogEntry[] = [];
const services: OAuthService[] = [];
/** What the "browser" does when the app opens the sign-in page: by default, sign in at once. */
let browser: (url: string) => void;

const causesOf = (r: OAuthTestResult) =>
  refineTokenDiagnosis(diagnose(r.report, { language: 'de', now: new Date() }), r.token, USER, 'de', new Date()).causes;

/** A service call as the IPC boundary answers it: an AppError becomes a failed Result with its code. */
async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message, err.details) as Result<T>;
    throw err;
  }
}

const account = () => `${profile.id}:oauth-refresh-token`;
const stored = () => keyring.lookup(KEYCHAIN_SERVICE, account());

function newService(): OAuthService {
  const service = createOAuthService({
    dataDir,
    authority: { host: idp.host },
    vault: vault.vault,
    profiles: vault.store,
    runProbe: probe,
    openBrowser: async (url) => browser(url),
    probeOptions: { ca: [dovecot.ca] },
    networkClient: idp.msalNetworkClient,
    log: createMemoryLogger(logEntries, 'oauth'),
    signInTimeoutMs: 15_000,
  });
  services.push(service);
  return service;
}

beforeAll(async () => {
  keyring = await startKeyringSession('unlocked');
  bindProcessToBus(keyring.busAddress);
  await verifyNativeKeyringTalksTo(keyring);
  idp = await startOidcProvider({ users: [{ username: USER }] });
  dovecot = await startOAuthDovecot(idp, {
    users: [USER, 'other@contoso.example'],
    messages: ['Subject: hi\n\nhello\n'],
  });
  dataDir = tempDir('maa-oauth-');
  vault = createVaultServices({ dataDir });
  profile = vault.store.createProfile({
    displayName: 'Posteingang',
    tenantLabel: '',
    mailboxUser: USER,
    host: '127.0.0.1',
    port: dovecot.imapsPort,
    security: 'tls',
  });
  browser = (url) => void idp.browse(url);
});

afterAll(async () => {
  for (const s of services) await s.dispose();
  await vault?.dispose();
  await dovecot?.stop();
  await idp?.stop();
  await keyring?.stop();
});

describe('modern-auth track against a local provider, Dovecot and a real keychain', () => {
  it('refuses to sign in before the registration is entered', async () => {
    errorOf(await attempt(() => newService().signIn(profile.id)), 'OAUTH_NOT_REGISTERED');
  });

  it('signs in through the system browser, keeps only the refresh token in the keychain and passes the XOAUTH2 test', async () => {
    const service = newService();
    await service.saveRegistration(profile.id, {
      tenant: idp.tenantId,
      clientId: TEST_CLIENT_ID,
      mode: 'system-browser',
    });
    const started: SignInStartedEvent[] = [];
    const state = await service.signIn(profile.id, (e) => started.push(e));
    expect(state).toMatchObject({
      signedIn: true,
      storage: 'keychain',
      account: { username: USER },
      track: 'modern-auth',
    });
    expect(started[0]?.url).toContain(`https://${idp.host}/`);

    // The keychain item is the bare refresh token; the account records (no secret) are in oauth.json.
    const [accessToken, idToken, refreshToken] = idp.issuedSecrets;
    expect(await stored()).toBe(refreshToken);
    const file = readFileSync(path.join(dataDir, 'oauth.json'), 'utf8');
    expect(file).toContain('RefreshToken');
    for (const secret of [accessToken!, idToken!, refreshToken!]) expect(file).not.toContain(secret);

    const result = await service.test(profile.id);
    // Kept as the wizard keeps it, so the last check below searches the stored report too.
    vault.recordReport(profile.id, result.report);
    expect(result.report).toMatchObject({ ok: true, code: 'OK' });
    expect(result.tokenRefreshed).toBe(false);
    expect(result.token).toMatchObject({
      audience: 'https://outlook.office.com',
      user: USER,
      scopes: ['IMAP.AccessAsUser.All'],
    });
    expect(JSON.stringify(result.report.transcript)).toContain('AUTHENTICATE XOAUTH2 ****');
    expect(idp.introspections.at(-1)).toMatchObject({ active: true, username: USER });
  });

  it('renews an expired access token silently on retest', async () => {
    idp.accessTokenTtl = 2;
    const service = newService();
    const first = await service.accessToken(profile.id);
    expect(first.refreshed).toBe(true);
    await new Promise((r) => setTimeout(r, 2500));
    // The old token is really dead: Dovecot (via introspection) refuses it.
    const stale = await probe(
      {
        host: '127.0.0.1',
        port: dovecot.imapsPort,
        security: 'tls',
        user: USER,
        credential: { kind: 'xoauth2', accessToken: first.token },
      },
      { ca: [dovecot.ca] },
    );
    expect(stale.code).toBe('AUTH_FAILED');
    expect(idp.introspections.at(-1)).toMatchObject({ active: false, reason: 'expired' });
    const refreshesBefore = idp.tokenRequests.filter((t) => t.grant === 'refresh_token').length;
    idp.accessTokenTtl = 3600;
    const retest = await service.test(profile.id);
    expect(retest.report.code).toBe('OK');
    expect(retest.tokenRefreshed).toBe(true);
    expect(idp.tokenRequests.filter((t) => t.grant === 'refresh_token')).toHaveLength(refreshesBefore + 1);
    // The renewed token is kept in memory: the next retest needs no refresh.
    const again = await service.test(profile.id);
    expect(again).toMatchObject({ tokenRefreshed: false, report: { code: 'OK' } });
    expect(idp.tokenRequests.filter((t) => t.grant === 'refresh_token')).toHaveLength(refreshesBefore + 1);
  });

  it('after a restart the sign-in comes back from the keychain', async () => {
    const service = newService();
    expect(await service.state(profile.id)).toMatchObject({ signedIn: true, accessTokenExpiresAt: null });
    const result = await service.test(profile.id);
    expect(result.report.code).toBe('OK');
    expect(result.tokenRefreshed).toBe(true);
    // The renewed access token stays in memory (not in the keychain) and serves the next test.
    const refreshes = idp.tokenRequests.filter((t) => t.grant === 'refresh_token').length;
    expect((await service.test(profile.id)).tokenRefreshed).toBe(false);
    expect(idp.tokenRequests.filter((t) => t.grant === 'refresh_token')).toHaveLength(refreshes);
    expect(await stored()).not.toContain(idp.issuedSecrets.at(-3));
  });

  it('a tampered token is refused by the server and diagnosed with token causes', async () => {
    idp.tamperAccessTokens = true;
    try {
      const result = await newService().test(profile.id, { forceRefresh: true });
      expect(result.report.code).toBe('AUTH_FAILED');
      expect(idp.introspections.at(-1)).toMatchObject({ active: false, reason: 'bad-signature' });
      // The token's claims look right, so the mailbox side is ranked first; the evidence names the token's facts.
      expect(causesOf(result)[0]).toMatchObject({ id: 'imap-disabled-for-mailbox', likelihood: 'high' });
    } finally {
      idp.tamperAccessTokens = false;
    }
  });

  it('a token for another resource ranks "wrong resource" first', async () => {
    idp.accessTokenAudience = 'https://graph.microsoft.com';
    try {
      const result = await newService().test(profile.id, { forceRefresh: true });
      expect(result.report.code).toBe('AUTH_FAILED');
      expect(causesOf(result)[0]).toMatchObject({ id: 'token-wrong-audience', likelihood: 'high' });
    } finally {
      idp.accessTokenAudience = 'https://outlook.office.com';
    }
  });

  it('a revoked refresh token leads back to sign-in and is removed from the keychain', async () => {
    idp.revokeRefreshTokens();
    const service = newService();
    const error = errorOf(await attempt(() => service.test(profile.id)), 'OAUTH_REFRESH_EXPIRED');
    expect(error.details).toMatchObject({
      diagnosis: { code: 'REFRESH_EXPIRED', aadsts: 700082, action: 'sign-in-again' },
    });
    expect(await stored()).toBeNull();
    expect(await service.state(profile.id)).toMatchObject({ signedIn: false, account: null });
    errorOf(await attempt(() => service.test(profile.id)), 'OAUTH_SIGN_IN_REQUIRED');
  });

  it('refuses a different account and stores nothing', async () => {
    idp.signInAs({ username: 'other@contoso.example' });
    try {
      const error = errorOf(await attempt(() => newService().signIn(profile.id)), 'OAUTH_ACCOUNT_MISMATCH');
      expect(error.details).toMatchObject({
        signedInAs: 'other@contoso.example',
        expected: USER,
        diagnosis: { code: 'ACCOUNT_MISMATCH' },
      });
      expect(await stored()).toBeNull();
    } finally {
      idp.signInAs({ username: USER });
    }
  });

  it('cancelling a waiting sign-in ends it promptly and closes the loopback listener', async () => {
    let authUrl = '';
    browser = (url) => void (authUrl = url);
    try {
      const service = newService();
      const pending = service.signIn(profile.id).catch((e: unknown) => e);
      await expect.poll(() => authUrl, { timeout: 10_000 }).not.toBe('');
      const started = Date.now();
      expect(service.cancelSignIn(profile.id)).toBe(true);
      const err = (await pending) as { code?: string };
      expect(err.code).toBe('OAUTH_USER_CANCELLED');
      expect(Date.now() - started).toBeLessThan(3000);
      const loopback = new URL(new URL(authUrl).searchParams.get('redirect_uri')!);
      loopback.hostname = '127.0.0.1';
      await expect(fetch(loopback)).rejects.toThrow();
    } finally {
      browser = (url) => void idp.browse(url);
    }
  });

  it('sign-out deletes the keychain entry', async () => {
    const service = newService();
    await service.signIn(profile.id);
    expect(await stored()).not.toBeNull();
    expect(await service.signOut(profile.id)).toEqual({ removed: true });
    expect(await service.state(profile.id)).toMatchObject({ signedIn: false });
    expect(await stored()).toBeNull();
    expect(await keyring.searchAccounts(KEYCHAIN_SERVICE)).not.toContain(account());
  });

  it('no token the provider issued is in any file the app wrote or in the log', async () => {
    expect(idp.issuedSecrets.length).toBeGreaterThan(5);
    const logText = JSON.stringify(logEntries);
    for (const secret of idp.issuedSecrets) {
      expect(filesContaining(dataDir, secret)).toEqual([]);
      expect(logText).not.toContain(secret);
      // A token's signature alone must not leak either (e.g. a truncated token in a message).
      expect(filesContaining(dataDir, secret.split('.').at(-1)!.slice(0, 40))).toEqual([]);
    }
    expect(vault.store.listReports(profile.id).length).toBeGreaterThan(0);
  });
});
