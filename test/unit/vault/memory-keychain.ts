import { KeychainFailure, type Keychain } from '../../../main/core/vault/keychain';

/** An in-memory keychain for unit tests; `failWith` makes every call fail like the native layer would. */
export interface MemoryKeychain extends Keychain {
  entries: Map<string, string>;
  failWith: string | null;
  calls: string[];
}

export function createMemoryKeychain(): MemoryKeychain {
  const kc: MemoryKeychain = {
    entries: new Map(),
    failWith: null,
    calls: [],
    async set(account, secret) {
      check('set');
      kc.entries.set(account, secret);
    },
    async get(account) {
      check('get');
      return kc.entries.get(account) ?? null;
    },
    async delete(account) {
      check('delete');
      return kc.entries.delete(account);
    },
    async listAccounts() {
      check('list');
      return [...kc.entries.keys()];
    },
    async dispose() {},
  };
  function check(op: string) {
    kc.calls.push(op);
    if (kc.failWith !== null) throw new KeychainFailure(kc.failWith);
  }
  return kc;
}
