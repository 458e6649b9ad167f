/** The load-and-limits world: Dovecot with a large message, one sign-in, bridges and raw clients closed afterwards. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DovecotServer } from '../../fixtures/dovecot';
import { type RawImap, rawImap } from '../../fixtures/imap-raw-client';
import type { OidcProvider } from '../../fixtures/oidc-provider';
import {
  accountConfig,
  bridgeConfig,
  keychainStore,
  memorySlot,
  message,
  PASSWORD,
  type RunningBridge,
  signIn,
  startBridge,
  startIdpAndDovecot,
} from './bridge-kit';

export const BIG = `${'x'.repeat(76)}\n`.repeat(4 * 13_800);
// Live bindings, set by the hooks useLimitsWorld() registers in the test file that calls it.
export let idp: OidcProvider;
export let dovecot: DovecotServer;
let cache: string;
export const opened: RawImap[] = [];
export const bridges: RunningBridge[] = [];

export function useLimitsWorld(): void {
  beforeAll(async () => {
    ({ idp, dovecot } = await startIdpAndDovecot([message(1), message(2), message(3), message(4, BIG)]));
    cache = (await signIn(idp)).cache;
  });

  afterAll(async () => {
    for (const c of opened) c.close();
    for (const b of bridges) await b.stop();
    await dovecot?.stop();
    await idp?.stop();
  });
}

export async function bridgeWith(
  extra: Parameters<typeof bridgeConfig>[1] = {},
  deps: Parameters<typeof startBridge>[2] = {},
): Promise<RunningBridge> {
  const b = await startBridge(
    await bridgeConfig(await accountConfig(idp, dovecot.imapsPort), extra),
    keychainStore(memorySlot(cache)),
    { idp, ca: dovecot.ca, ...deps },
  );
  bridges.push(b);
  return b;
}

export async function connect(b: RunningBridge, greet = true): Promise<RawImap> {
  const c = await rawImap({ port: b.port });
  opened.push(c);
  if (greet) await c.line();
  return c;
}

export const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

/** Registers the check that this file's bridges kept the local password and every token out of logs and status. */
export function describeCanaries(): void {
  describe('canaries', () => {
    it('the local password and every token stay out of log lines and status', () => {
      const secrets = [
        PASSWORD,
        ...idp.issuedSecrets,
        ...idp.issuedSecrets.map((s) => s.split('.')[2] ?? s).filter((s) => s.length > 20),
      ];
      const text = JSON.stringify(bridges.map((b) => [b.logs, b.bridge.status()]));
      expect(text.length).toBeGreaterThan(1000);
      for (const secret of secrets) expect(text).not.toContain(secret);
    });
  });
}
