/**
 * Interactive sign-in through MSAL against the local provider: both modes, and every way it can fail as the
 * admin would meet it — Microsoft's error redirect, its error page, the token endpoint, discovery, and the
 * assistant's own endings (cancel, window closed, timeout). Keychain: in memory (the real one is in oauth-track).
 */
import { probe } from '@core/imap/probe';
import { type EmbeddedSignInPort, interactiveSignIn, SignInProblem } from '@core/oauth/interactive-sign-in';
import { createMsalClient } from '@core/oauth/msal-client';
import { createOAuthService, type OAuthService, type OAuthServiceOptions } from '@core/oauth/oauth-service';
import { createVaultServices, type VaultServices } from '@core/vault/vault-services';
import { diagnoseAadsts, extractAadsts, type SignInDiagnosis } from '@shared/oauth/aadsts';
import type { SignInMode } from '@shared/oauth/constants';
import { classifyNavigation } from '@shared/oauth/redirect';
import { tempDir } from '@test/fixtures/ipc-kit';
import { createMemoryKeychain, type MemoryKeychain } from '@test/fixtures/memory-keychain';
import { type BrowseResult, type OidcProvider, startOidcProvider, TEST_CLIENT_ID } from '@test/fixtures/oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const USER = 'imap@contoso.example';
const WEB_CLIENT = '0b5e7b4c-0000-4000-8000-00000000feed';
const NATIVE_ONLY_CLIENT = '0b5e7b4c-0000-4000-8000-0000000000aa';

let idp: OidcProvider;
let vault: VaultServices;
let keychain: MemoryKeychain;
let profileId: string;
const pages: BrowseResult[] = [];

/** The embedded window, played by the fixture: follows the provider and intercepts with the real classifier. */
const embeddedWindow: EmbeddedSignInPort = {
  async run(authUrl, redirectUri) {
    const r = await idp.browse(authUrl);
    if (r.kind === 'page') return { kind: 'closed', ...(r.aadsts ? { pageAadsts: r.aadsts } : {}) };
    if (r.kind !== 'redirect') return { kind: 'closed' };
    const verdict = classifyNavigation(r.location, redirectUri, () => false);
    return verdict.kind === 'redirect' ? { kind: 'redirect', response: verdict.response } : { kind: 'closed' };
  },
};

function service(overrides: Partial<OAuthServiceOptions> = {}): OAuthService {
  return createOAuthService({
    dataDir: vault.store.filePath.replace(/[/\\][^/\\]+$/, ''),
    authority: { host: idp.host },
    vault: vault.vault,
    profiles: vault.store,
    runProbe: probe,
    openBrowser: async (url) => {
      void idp.browse(url).then((r) => pages.push(r));
    },
    embedded: embeddedWindow,
    networkClient: idp.msalNetworkClient,
    signInTimeoutMs: 15_000,
    ...overrides,
  });
}

async function register(s: OAuthService, mode: SignInMode, clientId = TEST_CLIENT_ID, tenant = idp.tenantId) {
  await s.saveRegistration(profileId, { tenant, clientId, mode });
}

async function signInFailure(s: OAuthService): Promise<{ code: string; diagnosis: SignInDiagnosis }> {
  const err = (await s.signIn(profileId).then(
    () => undefined,
    (e: unknown) => e,
  )) as { code: string; details: { diagnosis: SignInDiagnosis } } | undefined;
  if (!err) throw new Error('sign-in unexpectedly succeeded');
  return { code: err.code, diagnosis: err.details.diagnosis };
}

beforeAll(async () => {
  idp = await startOidcProvider({
    users: [{ username: USER }],
    clients: {
      [TEST_CLIENT_ID]: {
        redirectUris: ['http://localhost', 'https://login.microsoftonline.com/common/oauth2/nativeclient'],
      },
      [WEB_CLIENT]: { redirectUris: ['http://localhost'], publicClient: false },
      [NATIVE_ONLY_CLIENT]: { redirectUris: ['https://login.microsoftonline.com/common/oauth2/nativeclient'] },
    },
  });
  keychain = createMemoryKeychain();
  vault = createVaultServices({ dataDir: tempDir('maa-oauth-signin-'), keychain });
  profileId = vault.store.createProfile({
    displayName: 'P',
    tenantLabel: '',
    mailboxUser: USER,
    host: 'outlook.office365.com',
    port: 993,
    security: 'tls',
  }).id;
});

afterAll(async () => {
  await vault?.dispose();
  await idp?.stop();
});

const pcaFor = () =>
  createMsalClient({
    authority: { host: idp.host },
    registration: { tenant: idp.tenantId, clientId: TEST_CLIENT_ID },
    networkClient: idp.msalNetworkClient,
  });

describe('successful sign-in in both modes', () => {
  it('system browser: code + PKCE (S256) over the loopback redirect, with the IMAP scope', async () => {
    const opened: string[] = [];
    const result = await interactiveSignIn({
      pca: pcaFor(),
      mode: 'system-browser',
      loginHint: USER,
      signal: new AbortController().signal,
      timeoutMs: 20_000,
      openBrowser: async (url) => {
        opened.push(url);
        void idp.browse(url);
      },
    });
    expect(result.account?.username).toBe(USER);
    const auth = new URL(opened[0]!);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('response_mode')).toBe('form_post');
    expect(auth.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(auth.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access', 'openid', 'email']),
    );
    expect(idp.tokenRequests.at(-1)).toMatchObject({ grant: 'authorization_code', hadCodeVerifier: true, status: 200 });
  });

  it('embedded window: the nativeclient redirect is intercepted and the code redeemed', async () => {
    const s = service();
    await register(s, 'embedded');
    const state = await s.signIn(profileId);
    expect(state).toMatchObject({ signedIn: true, account: { username: USER }, embeddedAvailable: true });
    expect(state.handover?.find((v) => v.key === 'redirectUri')?.value).toBe(
      'https://login.microsoftonline.com/common/oauth2/nativeclient',
    );
  });

  it('keeps the sign-in for this session when the keychain fails, and says so', async () => {
    const s = service();
    await register(s, 'system-browser');
    keychain.failWith = 'Failed to connect to socket /run/user/0/bus';
    try {
      const state = await s.signIn(profileId);
      expect(state).toMatchObject({
        signedIn: true,
        storage: 'session',
        keychainProblem: { code: 'KEYCHAIN_UNAVAILABLE' },
      });
      // The in-memory token still works for tests in this session.
      await expect(s.accessToken(profileId)).resolves.toMatchObject({ refreshed: false });
    } finally {
      keychain.failWith = null;
      await s.signOut(profileId);
    }
  });
});

describe('sign-in failures become diagnoses', () => {
  it.each([
    [65001, 'invalid_client', 'fix-registration', 'permissions'],
    [53003, 'access_denied', 'ask-admin', undefined],
    [50053, 'invalid_request', 'wait', undefined],
    [90094, 'invalid_request', 'fix-registration', 'permissions'],
  ])('AADSTS%i on the redirect', async (aadsts, error, action, step) => {
    const s = service();
    await register(s, 'system-browser');
    idp.failNext({ at: 'authorize', aadsts, error });
    const { code, diagnosis } = await signInFailure(s);
    expect(code).toBe(`OAUTH_AADSTS${aadsts}`);
    expect(diagnosis).toMatchObject({ aadsts, action, ...(step ? { step } : {}) });
    expect(diagnosis.serverMessage).toContain(`AADSTS${aadsts}`);
    expect(diagnosis.serverMessage).not.toMatch(/Trace ID/);
  });

  it('user cancelled on Microsoft’s page (access_denied / cancel)', async () => {
    const s = service();
    await register(s, 'embedded');
    idp.failNext({
      at: 'authorize',
      error: 'access_denied',
      subcode: 'cancel',
      description: 'AADSTS65004: User declined to consent.',
    });
    expect((await signInFailure(s)).code).toBe('OAUTH_USER_CANCELLED');
  });

  it('AADSTS7000218: app registered as Web, code redemption without a secret fails', async () => {
    const s = service();
    await register(s, 'system-browser', WEB_CLIENT);
    const { code, diagnosis } = await signInFailure(s);
    expect(code).toBe('OAUTH_AADSTS7000218');
    expect(diagnosis).toMatchObject({ action: 'fix-registration', step: 'platform' });
  });

  it.each([50076, 50079, 53003])('AADSTS%i from the token endpoint', async (aadsts) => {
    const s = service();
    await register(s, 'system-browser');
    idp.failNext({ at: 'token', aadsts, grant: 'authorization_code', error: 'interaction_required' });
    expect((await signInFailure(s)).code).toBe(`OAUTH_AADSTS${aadsts}`);
  });

  it('AADSTS50076 during a silent refresh asks for an interactive sign-in but keeps the refresh token', async () => {
    const s = service();
    await register(s, 'system-browser');
    await s.signIn(profileId);
    idp.failNext({ at: 'token', aadsts: 50076, grant: 'refresh_token', error: 'invalid_grant' });
    const err = (await s.accessToken(profileId, { forceRefresh: true }).catch((e: unknown) => e)) as { code: string };
    expect(err.code).toBe('OAUTH_AADSTS50076');
    expect((await s.state(profileId)).signedIn).toBe(true);
    await s.signOut(profileId);
  });

  it('AADSTS90002: unknown tenant, told apart from a network problem', async () => {
    const s = service();
    await register(s, 'system-browser', TEST_CLIENT_ID, 'unknown-tenant.example');
    const { code, diagnosis } = await signInFailure(s);
    expect(code).toBe('OAUTH_AADSTS90002');
    expect(diagnosis).toMatchObject({ step: 'ids' });
  });

  it('unreachable sign-in service', async () => {
    const s = service({ authority: { host: '127.0.0.1:1' } });
    await register(s, 'system-browser');
    expect((await signInFailure(s)).code).toBe('OAUTH_AUTHORITY_UNREACHABLE');
  });

  it('AADSTS700016 and AADSTS50011 are pages, not redirects: the embedded window reads the code from the page', async () => {
    const s = service();
    await register(s, 'embedded', '0b5e7b4c-0000-4000-8000-000000000bad');
    expect((await signInFailure(s)).code).toBe('OAUTH_AADSTS700016');
    // Registered for the embedded window only, but the admin chose the system browser: 50011 on the page.
    await register(s, 'system-browser', NATIVE_ONLY_CLIENT);
    pages.length = 0;
    const short = service({ signInTimeoutMs: 1500 });
    const { code } = await signInFailure(short);
    expect(code).toBe('OAUTH_TIMEOUT');
    // The system browser shows the page; the admin types what it says, and gets the same guidance.
    const page = pages.find((p) => p.kind === 'page');
    expect(page?.kind === 'page' && page.aadsts).toBe(50011);
    const typed = diagnoseAadsts(extractAadsts(page?.kind === 'page' ? page.body : '')!);
    expect(typed).toMatchObject({ code: 'AADSTS50011', step: 'platform' });
  });

  it('window closed without a redirect', async () => {
    const s = service({ embedded: { run: async () => ({ kind: 'closed' }) } });
    await register(s, 'embedded');
    expect((await signInFailure(s)).code).toBe('OAUTH_WINDOW_CLOSED');
  });

  it('a redirect with a foreign state is discarded', async () => {
    const s = service({
      embedded: { run: async () => ({ kind: 'redirect', response: { code: 'stolen', state: 'someone-else' } }) },
    });
    await register(s, 'embedded');
    const before = idp.tokenRequests.length;
    expect((await signInFailure(s)).code).toBe('OAUTH_STATE_MISMATCH');
    expect(idp.tokenRequests).toHaveLength(before);
  });

  it('timeout: gives up within the deadline and releases the loopback listener', async () => {
    let authUrl = '';
    const started = Date.now();
    const err = await interactiveSignIn({
      pca: pcaFor(),
      mode: 'system-browser',
      signal: new AbortController().signal,
      timeoutMs: 800,
      openBrowser: async (url) => void (authUrl = url),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInProblem);
    expect((err as SignInProblem).diagnosis.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(800 + 2500);
    const loopback = new URL(new URL(authUrl).searchParams.get('redirect_uri')!);
    loopback.hostname = '127.0.0.1';
    await expect(fetch(loopback)).rejects.toThrow();
  });
});
