import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

import { type Keychain, KEYCHAIN_SERVICE, KeychainFailure } from './keychain';
import { KEYCHAIN_WORKER_SOURCE } from './keychain-worker-source';
import { createSecretServiceLabeller } from './secret-service-label';

type Request =
  | { op: 'set'; account: string; secret: string }
  | { op: 'get'; account: string }
  | { op: 'delete'; account: string }
  | { op: 'list' };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export interface NativeKeychainOptions {
  service?: string;
  /**
   * Longest wait for one call. Generous because an unlock prompt waits for the user; past it the caller gets
   * KEYCHAIN_TIMEOUT (the native call itself cannot be interrupted and may still complete later).
   */
  timeoutMs?: number;
}

/** The OS keychain through @napi-rs/keyring, every call in one worker thread (see keychain-worker-source.ts). */
export function createNativeKeychain(opts: NativeKeychainOptions = {}): Keychain {
  const service = opts.service ?? KEYCHAIN_SERVICE;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const modulePath = createRequire(import.meta.url).resolve('@napi-rs/keyring');
  let current: { worker: Worker; pending: Map<number, Pending> } | undefined;
  let nextId = 1;

  const failAll = (pending: Map<number, Pending>, err: Error) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    pending.clear();
  };

  const start = () => {
    const worker = new Worker(KEYCHAIN_WORKER_SOURCE, { eval: true, workerData: { modulePath, service } });
    // Each worker answers only its own calls, so a failed worker exiting late cannot fail a newer one's.
    const pending = new Map<number, Pending>();
    worker.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new KeychainFailure(reply.message));
      if (pending.size === 0) worker.unref();
    });
    worker.on('error', (err) => {
      if (current?.worker === worker) current = undefined;
      failAll(pending, new KeychainFailure(`keychain worker failed: ${err.message}`));
      void worker.terminate();
    });
    worker.on('exit', () => {
      if (current?.worker === worker) current = undefined;
      failAll(pending, new KeychainFailure('keychain worker exited'));
    });
    return { worker, pending };
  };

  const call = <T>(request: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const { worker, pending } = (current ??= start());
      const id = nextId++;
      // On timeout only this call gives up. The worker stays: later calls queue behind the stuck one and run in
      // order once the keychain answers, so a late "set" can never overwrite a newer one.
      const timer = setTimeout(() => {
        pending.delete(id);
        if (pending.size === 0) worker.unref();
        reject(new KeychainFailure('The keychain did not answer in time.', true));
      }, timeoutMs);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      worker.ref();
      worker.postMessage({ id, ...request });
    });

  const label = process.platform === 'linux' ? createSecretServiceLabeller(service) : undefined;

  return {
    ...(label ? { label } : {}),
    set: (account, secret) => call<null>({ op: 'set', account, secret }).then(() => undefined),
    get: (account) => call<string | null>({ op: 'get', account }),
    delete: (account) => call<boolean>({ op: 'delete', account }),
    listAccounts: () => call<string[]>({ op: 'list' }),
    async dispose() {
      const c = current;
      current = undefined;
      if (!c) return;
      failAll(c.pending, new KeychainFailure('keychain closed'));
      // A worker stuck in a native call stops only when that call returns; quitting must not wait for it.
      await Promise.race([c.worker.terminate(), new Promise((r) => setTimeout(r, 1000).unref())]);
    },
  };
}
