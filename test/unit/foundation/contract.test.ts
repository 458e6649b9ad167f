import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { dispatch } from '@core/ipc/dispatch';
import type { Handlers } from '@core/ipc/handlers';
import { createServices } from '@core/services';
import { channelNames, contract } from '@shared/ipc/contract';
import { AppError } from '@shared/ipc/result';
import { createHarnessPlatform } from '@test/harness/harness-platform';
import { describe, expect, it } from 'vitest';

const ctx = { emit: () => {} };

function services() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'contract-'));
  const { platform } = createHarnessPlatform(() => {});
  return createServices({
    dataDir,
    platform,
    appInfo: () => ({ name: 'x', version: '1', runtime: 'browser-harness', platform: 'linux', versions: {} }),
  });
}

describe('IPC contract and dispatcher', () => {
  it('has a handler for every channel and no handler without a channel', () => {
    const s = services();
    expect(Object.keys(s.handlers).sort()).toEqual([...channelNames].sort());
    void s.dispose();
  });

  it('round-trips a valid call', async () => {
    const s = services();
    const r = await dispatch(s.handlers, 'ping', { text: 'hallo' }, ctx);
    expect(r).toMatchObject({ ok: true, value: { text: 'hallo' } });
  });

  it('refuses input that fails the schema with INPUT_INVALID and the failing path', async () => {
    const s = services();
    const r = await dispatch(s.handlers, 'setLanguage', { language: 'fr' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INPUT_INVALID');
    expect(JSON.stringify(r.error.details)).toContain('language');
    // Extra keys are refused too (strict objects): a payload cannot smuggle fields through.
    const extra = await dispatch(s.handlers, 'setLanguage', { language: 'de', admin: true }, ctx);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    // And the settings did not change.
    expect(await dispatch(s.handlers, 'getSettings', undefined, ctx)).toMatchObject({
      ok: true,
      value: { language: 'de' },
    });
  });

  it.each([[undefined], [null], [42], ['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty']])(
    'refuses unknown channel %s with UNKNOWN_CHANNEL',
    async (name) => {
      const r = await dispatch(services().handlers, name, {}, ctx);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    },
  );

  it('turns an AppError into its code and any other throw into INTERNAL without throwing', async () => {
    const seen: unknown[] = [];
    const handlers = {
      ping: () => {
        throw new AppError('SOMETHING_SPECIFIC', 'specific');
      },
      getAppInfo: () => {
        throw new TypeError('boom with secret hunter2');
      },
    } as unknown as Handlers;
    await expect(dispatch(handlers, 'ping', { text: 'x' }, ctx)).resolves.toEqual({
      ok: false,
      error: { code: 'SOMETHING_SPECIFIC', message: 'specific' },
    });
    const internal = await dispatch(handlers, 'getAppInfo', undefined, ctx, (e) => seen.push(e));
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // Internal error text (which might carry anything) is logged main-side, never sent to the renderer.
    expect(JSON.stringify(internal)).not.toContain('hunter2');
    expect(seen).toHaveLength(1);
  });

  it('every channel input is a zod schema that refuses a non-object garbage payload', () => {
    for (const name of channelNames) {
      const schema = contract[name].input;
      expect(schema.safeParse(Symbol('x') as unknown).success, name).toBe(false);
    }
  });
});
