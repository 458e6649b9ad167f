/**
 * The OS keychain as the vault sees it: one service name, string accounts, string secrets. The native
 * implementation talks to @napi-rs/keyring in a worker thread; tests may substitute an in-memory one.
 */
export const KEYCHAIN_SERVICE = 'mailadapter-assistant';

export interface Keychain {
  set(account: string, secret: string): Promise<void>;
  /** null when there is no entry: a normal "not saved yet" state, not an error. */
  get(account: string): Promise<string | null>;
  /** true when an entry was removed, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Account names of every entry of our service (secrets are never returned). */
  listAccounts(): Promise<string[]>;
  /**
   * Gives an existing item a label people recognise, where the platform can (see secret-service-label.ts); false
   * when it could not. Never part of a lookup.
   */
  label?(account: string, label: string): Promise<boolean>;
  dispose(): Promise<void>;
}

/**
 * A failure as reported by the native layer: the library's message (which never contains the secret), to be
 * classified into a KEYCHAIN_* code by `classifyKeychainError`.
 */
export class KeychainFailure extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'KeychainFailure';
  }
}
