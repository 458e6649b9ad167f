/** Calls handlers the way the app does (dispatch: contract validation, typed errors) and unwraps results. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { dispatch } from '../../../main/core/ipc/dispatch';
import type { Handlers } from '../../../main/core/ipc/handlers';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../main/shared/ipc/contract';
import type { IpcError, Result } from '../../../main/shared/ipc/result';

export async function invoke<K extends ChannelName>(
  handlers: Partial<Handlers>,
  name: K,
  ...input: ChannelInput<K> extends undefined ? [] : [ChannelInput<K>]
): Promise<Result<ChannelOutput<K>>> {
  return (await dispatch(handlers as Handlers, name, input[0], { emit: () => {} })) as Result<ChannelOutput<K>>;
}

export function okValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function errorOf<T>(result: Result<T>, code: string): IpcError {
  expect(result.ok, `expected failure ${code}`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  return result.error;
}

const created: string[] = [];
// Registered when a test file first imports this module, so it runs after that file's own afterAll hooks.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir, removed after the test file finished. */
export function tempDir(prefix = 'maa-store-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Every regular file below `dir` (recursively). */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => path.join(dir, rel))
    .filter((p) => statSync(p).isFile());
}

/** Files under `dir` whose bytes contain `needle` (UTF-8, UTF-16LE and base64 forms). */
export function filesContaining(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), Buffer.from(Buffer.from(needle, 'utf8').toString('base64'))];
  return filesBelow(dir).filter((file) => {
    const bytes = readFileSync(file);
    return forms.some((f) => bytes.includes(f));
  });
}
