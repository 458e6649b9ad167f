import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type Harness, startHarness } from '@test/harness/server';
import { afterEach, describe, expect, it } from 'vitest';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

function fakeRenderer(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<html><body><script type="module" src="./app.js"></script></body></html>',
  );
  writeFileSync(path.join(dir, 'app.js'), 'export {};');
  return dir;
}

async function post(h: Harness, channel: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${h.port}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'X-Assistant-Token': h.token, 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string } } };
}

describe('browser harness', () => {
  it('refuses a second harness on the same data dir and allows it after the first closed', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'harness-lock-'));
    const rendererDir = fakeRenderer();
    const first = await startHarness({ dataDir, rendererDir });
    open.push(first);
    await expect(startHarness({ dataDir, rendererDir })).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    await first.close();
    open.pop();
    const again = await startHarness({ dataDir, rendererDir });
    open.push(again);
    expect(again.port).toBeGreaterThan(0);
  });

  it('injects the bridge before the app module and serves no file outside the renderer folder', async () => {
    const h = await startHarness({
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'harness-')),
      rendererDir: fakeRenderer(),
    });
    open.push(h);
    const page = await (await fetch(`http://127.0.0.1:${h.port}/`)).text();
    expect(page.indexOf('harness-bridge.js')).toBeGreaterThan(-1);
    expect(page.indexOf('harness-bridge.js')).toBeLessThan(page.indexOf('type="module"'));
    const traversal = await fetch(`http://127.0.0.1:${h.port}/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(403);
  });

  it('survives oversized and hostile bodies and keeps serving', async () => {
    const h = await startHarness({
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'harness-')),
      rendererDir: fakeRenderer(),
    });
    open.push(h);
    const huge = await fetch(`http://127.0.0.1:${h.port}/ipc/ping`, {
      method: 'POST',
      headers: { 'X-Assistant-Token': h.token },
      body: 'x'.repeat(2 * 1024 * 1024),
    }).then(
      (r) => r.status,
      () => 413,
    );
    expect(huge).toBe(413);
    expect((await post(h, 'ping', '"just a string"')).body).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(
      (await post(h, 'ping', '{"hasInput":true,"input":{"text":"x","__proto__":{"polluted":1}}}')).body,
    ).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await post(h, 'ping', '{"hasInput":true,"input":{"text":"ok"}}')).body).toMatchObject({ ok: true });
  });
});
