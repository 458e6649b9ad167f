import { createVaultServices, type VaultServiceOptions, type VaultServices } from '../../../main/core/vault/vault-services';
import { createMemoryKeychain, type MemoryKeychain } from './memory-keychain';
import { tempDir } from './ipc-kit';

export interface VaultKit {
  services: VaultServices;
  keychain: MemoryKeychain;
  dataDir: string;
  /** Moves the injected clock forward. */
  advance(ms: number): void;
}

/** Vault services on a temp data dir with an in-memory keychain and a controllable clock. */
export function vaultKit(dataDir = tempDir(), extra: Partial<VaultServiceOptions> = {}): VaultKit {
  const keychain = createMemoryKeychain();
  let t = Date.parse('2026-11-20T09:00:00.000Z');
  const services = createVaultServices({ dataDir, keychain, now: () => new Date(t), orphanScanTimeoutMs: 1000, ...extra });
  return { services, keychain, dataDir, advance: (ms) => void (t += ms) };
}
