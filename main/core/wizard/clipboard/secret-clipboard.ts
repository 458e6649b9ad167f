import { createHash, timingSafeEqual } from 'node:crypto';

import { type CopySecretResult, SECRET_CLIPBOARD_CLEAR_MS } from '@shared/wizard/clipboard';

import type { Clock } from '../clock';

export interface ClipboardPort {
  write(text: string): Promise<void>;
  read(): Promise<string>;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Copies secrets so they do not linger: after `clearAfterMs` the clipboard is emptied, but only if it still holds
 * the secret — whatever the user copied since stays. Only a digest of the secret is kept for that comparison.
 */
export function createSecretClipboard(
  clipboard: ClipboardPort,
  clock: Clock,
  clearAfterMs = SECRET_CLIPBOARD_CLEAR_MS,
) {
  let pending: { handle: unknown; digest: Buffer } | undefined;

  async function clearIfStillHeld(expected: Buffer): Promise<boolean> {
    const current = digest(await clipboard.read());
    if (current.length !== expected.length || !timingSafeEqual(current, expected)) return false;
    await clipboard.write('');
    return true;
  }

  return {
    async copySecret(secret: string): Promise<CopySecretResult> {
      if (pending) clock.clearTimeout(pending.handle);
      await clipboard.write(secret);
      const expected = digest(secret);
      const handle = clock.setTimeout(() => {
        if (pending?.handle === handle) pending = undefined;
        // A failed clipboard read must not crash the main process; the next copy starts a new timer anyway.
        void clearIfStillHeld(expected).catch(() => {});
      }, clearAfterMs);
      pending = { handle, digest: expected };
      return { clearAfterMs, clearsAt: new Date(clock.now() + clearAfterMs).toISOString() };
    },

    /** Plain values need no timer; a later comparison simply finds the secret gone. */
    copyText: (text: string): Promise<void> => clipboard.write(text),

    /** On quit: a secret still waiting for its timer is removed now rather than left behind. */
    async dispose(): Promise<void> {
      if (!pending) return;
      clock.clearTimeout(pending.handle);
      const { digest: expected } = pending;
      pending = undefined;
      await clearIfStillHeld(expected).catch(() => false);
    },
  };
}

export type SecretClipboard = ReturnType<typeof createSecretClipboard>;
