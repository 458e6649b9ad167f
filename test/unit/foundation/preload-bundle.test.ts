import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

import { bundleElectron } from '@main/esbuild.config';
import { channelNames, eventNames } from '@shared/ipc/contract';
import { describe, expect, it } from 'vitest';

/** Runs the built preload the way a sandboxed renderer would: `require('electron')` is all it gets. */
function runPreload(file: string) {
  const exposed: Record<string, unknown> = {};
  const invoked: [string, unknown][] = [];
  const subscribed: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => invoked.push([channel, input]),
      on: (channel: string) => subscribed.push(channel),
      removeListener: () => {},
    },
  };
  const sandbox = {
    require: (id: string) => {
      if (id !== 'electron') throw new Error(`the preload required ${id}`);
      return electron;
    },
    module: { exports: {} },
    exports: {},
  };
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox, { filename: file });
  return { api: exposed.assistant as Record<string, (...args: unknown[]) => unknown>, invoked, subscribed };
}

describe('the built preload', () => {
  it('exposes one method per contract channel plus on(), needs only electron, and carries no schema code', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'preload-build-'));
    await bundleElectron(outDir);
    const file = path.join(outDir, 'preload/index.cjs');
    const { api, invoked, subscribed } = runPreload(file);

    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on'].sort());
    api.ping!({ text: 'x' });
    expect(invoked).toEqual([['ping', { text: 'x' }]]);
    api.on!(eventNames[0], () => {});
    expect(subscribed).toEqual([`event:${eventNames[0]}`]);
    expect(() => api.on!('not-an-event', () => {})).toThrow('Unknown event');
    // Names only: the zod schemas stay in main, which validates every call anyway.
    expect(statSync(file).size).toBeLessThan(20_000);
  }, 60_000);
});
