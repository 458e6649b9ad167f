/**
 * Access tokens for one bridge account, through MSAL with the refresh token from the account's token store (the
 * existing cache plugin persists every rotation). A token is handed out while it has more than REFRESH_AHEAD_MS
 * left; otherwise it is renewed first, one refresh at a time however many clients log in at once. A dead refresh
 * token becomes `needs-sign-in`; the next login after a new sign-in re-reads the store, so it heals without restart.
 */
import type { INetworkModule, PublicClientApplication } from '@azure/msal-node';

import type { BridgeAccountConfig } from '../../shared/bridge/config';
import type { BridgeLoginCode, RefreshHealth } from '../../shared/bridge/status';
import { REFRESH_SCOPES } from '../../shared/oauth/constants';
import type { Logger } from '../log/logger';
import { createKeychainCachePlugin, type KeychainCachePlugin } from '../oauth/keychain-cache-plugin';
import { createMsalClient } from '../oauth/msal-client';
import { diagnoseMsalError } from '../oauth/msal-errors';
import { SealedSecretError } from './sealed-secret';
import type { TokenStore } from './token-store';

/** MSAL itself renews 5 minutes ahead; the bridge asks a little earlier so no login waits on a refresh at the edge. */
export const REFRESH_AHEAD_MS = 6 * 60_000;

export class TokenProblem extends Error {
  constructor(
    readonly code: Extract<BridgeLoginCode, 'NEEDS_SIGN_IN' | 'TOKEN_UNAVAILABLE' | 'TOKEN_STORE_FAILED'>,
    /** The sign-in diagnosis code behind it (REFRESH_EXPIRED, AADSTS50076, AUTHORITY_UNREACHABLE, ...). */
    readonly diagnosisCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'TokenProblem';
  }
}

export interface TokenHealth {
  refresh: RefreshHealth;
  accessTokenExpiresAt: Date | null;
  problem: { code: string; at: Date; message: string } | null;
}

interface Client {
  pca: PublicClientApplication;
  plugin: KeychainCachePlugin;
  password: string;
}

export interface TokenProviderOptions {
  store: TokenStore;
  networkClient?: INetworkModule;
  log?: Logger;
  now?: () => number;
  onChange?: (health: TokenHealth) => void;
}

/** `https://host[/tenant]` → MSAL's authority host and tenant; the account's tenant wins over one in the URL. */
function authorityOf(account: BridgeAccountConfig): { host: string; tenant: string } {
  const url = new URL(account.oauth.authority);
  const fromPath = url.pathname.split('/').filter(Boolean)[0];
  return { host: url.host, tenant: account.oauth.tenant || fromPath || 'organizations' };
}

const NEEDS_SIGN_IN_ACTIONS = new Set(['sign-in-again']);

export class TokenProvider {
  private client: Client | undefined;
  private cached: { token: string; expiresAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  private forceNext = false;
  readonly health: TokenHealth = { refresh: 'unknown', accessTokenExpiresAt: null, problem: null };

  constructor(
    private account: BridgeAccountConfig,
    private readonly opts: TokenProviderOptions,
  ) {}

  /** After a configuration reload: other registration data means another MSAL client. */
  update(account: BridgeAccountConfig): void {
    const changed =
      JSON.stringify(account.oauth) !== JSON.stringify(this.account.oauth) || account.mailbox !== this.account.mailbox;
    this.account = account;
    if (changed) this.reset();
  }

  /** The upstream refused the token: the next login gets a freshly issued one. */
  invalidate(): void {
    this.cached = undefined;
    this.forceNext = true;
  }

  private reset(): void {
    this.client = undefined;
    this.cached = undefined;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** A current access token for the verified local `password`; throws TokenProblem. */
  accessToken(password: string): Promise<string> {
    if (this.cached && this.cached.expiresAt - this.now() > REFRESH_AHEAD_MS && this.client?.password === password) {
      return Promise.resolve(this.cached.token);
    }
    this.inFlight ??= this.refresh(password).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private clientFor(password: string): Client {
    // A dead sign-in is re-read from the store on every attempt: that is how a new sign-in heals it.
    if (this.client && this.client.password === password && this.health.refresh !== 'needs-sign-in') return this.client;
    const { host, tenant } = authorityOf(this.account);
    const plugin = createKeychainCachePlugin(this.opts.store.slotFor(this.account, password));
    const pca = createMsalClient({
      authority: { host },
      registration: { tenant, clientId: this.account.oauth.clientId },
      cachePlugin: plugin,
      ...(this.opts.networkClient ? { networkClient: this.opts.networkClient } : {}),
      ...(this.opts.log ? { log: this.opts.log } : {}),
    });
    this.client = { pca, plugin, password };
    return this.client;
  }

  private async refresh(password: string): Promise<string> {
    const { pca } = this.clientFor(password);
    try {
      const result = await this.acquire(pca);
      const expiresAt = result.expiresOn?.getTime() ?? this.now() + 3600_000;
      this.cached = { token: result.accessToken, expiresAt };
      this.set({ refresh: 'ok', accessTokenExpiresAt: new Date(expiresAt), problem: null });
      return result.accessToken;
    } catch (err) {
      throw this.fail(err);
    }
  }

  private async acquire(pca: PublicClientApplication) {
    const accounts = await pca.getTokenCache().getAllAccounts();
    const mailbox = this.account.mailbox.toLowerCase();
    const account =
      accounts.find((a) => a.username.toLowerCase() === mailbox) ?? (accounts.length === 1 ? accounts[0] : undefined);
    if (account) {
      // forceRefresh when our own margin says so; MSAL would hand out its cached token up to 5 minutes before expiry.
      const due =
        this.forceNext || (this.cached !== undefined && this.cached.expiresAt - this.now() <= REFRESH_AHEAD_MS);
      this.forceNext = false;
      return pca.acquireTokenSilent({ account, scopes: [...REFRESH_SCOPES], forceRefresh: due });
    }
    const bootstrap = this.opts.store.bootstrapRefreshToken?.(this.account.id);
    if (bootstrap) {
      // forceCache: MSAL keeps (and the plugin persists) what a bare refresh token yields, rotation included.
      const result = await pca.acquireTokenByRefreshToken({
        refreshToken: bootstrap,
        scopes: [...REFRESH_SCOPES],
        forceCache: true,
      });
      if (result) return result;
    }
    throw new TokenProblem('NEEDS_SIGN_IN', 'SIGN_IN_REQUIRED', `No sign-in is stored for ${this.account.mailbox}.`);
  }

  private fail(err: unknown): TokenProblem {
    const problem =
      err instanceof TokenProblem
        ? err
        : err instanceof SealedSecretError || err instanceof SyntaxError
          ? new TokenProblem('TOKEN_STORE_FAILED', 'TOKEN_STORE_FAILED', err.message)
          : this.classify(err);
    this.cached = undefined;
    const refresh: RefreshHealth = problem.code === 'TOKEN_UNAVAILABLE' ? 'failing' : 'needs-sign-in';
    this.set({
      refresh,
      accessTokenExpiresAt: null,
      problem: { code: problem.diagnosisCode, at: new Date(this.now()), message: problem.message },
    });
    if (refresh === 'needs-sign-in') this.client = undefined;
    return problem;
  }

  private classify(err: unknown): TokenProblem {
    const diagnosis = diagnoseMsalError(err);
    const detail = `${diagnosis.code}${diagnosis.serverMessage ? `: ${diagnosis.serverMessage}` : ''}`;
    if (
      NEEDS_SIGN_IN_ACTIONS.has(diagnosis.action) ||
      diagnosis.code === 'REFRESH_EXPIRED' ||
      diagnosis.code === 'SIGN_IN_REQUIRED'
    ) {
      return new TokenProblem(
        'NEEDS_SIGN_IN',
        diagnosis.code,
        `The sign-in of ${this.account.mailbox} is no longer valid (${detail}).`,
      );
    }
    return new TokenProblem(
      'TOKEN_UNAVAILABLE',
      diagnosis.code,
      `No access token for ${this.account.mailbox} right now (${detail}).`,
    );
  }

  private set(next: TokenHealth): void {
    Object.assign(this.health, next);
    this.opts.onChange?.(this.health);
  }
}
