import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type DevLoop, type DevLoopOptions, type DevTarget, startDevLoop } from '../../../build/scripts/dev';

// `npm run dev` on copies of the sources (the tests edit them): each kind of source file changed once must land
// in the rebuilt output, with no Electron binary at all; with a stand-in binary, main changes restart it.
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const TARGETS = ['main', 'preload', 'renderer'] as const;

interface Run {
  copy: string;
  lines: string[];
  builds: { target: DevTarget; ok: boolean }[];
  loop: DevLoop;
}

function until(run: Run, what: string, done: () => boolean, ms = 45_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (done()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}; log:\n${run.lines.join('\n')}`));
      else setTimeout(tick, 50);
    };
    tick();
  });
}

const countOf = (run: Run, target: DevTarget) => run.builds.filter((b) => b.target === target).length;

function bundleText(run: Run, dir: string): string {
  const root = path.join(run.copy, 'out', dir);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.c?js$/.test(f))
    .map((f) => readFileSync(path.join(root, f), 'utf8'))
    .join('\n');
}

function append(run: Run, file: string, code: string) {
  const full = path.join(run.copy, file);
  writeFileSync(full, `${readFileSync(full, 'utf8')}\n${code}\n`);
}

async function startOnCopy(electron: DevLoopOptions['electron'], copy: string): Promise<Run> {
  for (const dir of ['main', 'renderer', 'assets'])
    cpSync(path.join(repo, dir), path.join(copy, dir), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json', 'test/tsconfig.json', 'build/tsconfig.json']) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(repo, file), path.join(copy, file));
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const run = { copy, lines: [] as string[], builds: [] as Run['builds'] } as Run;
  run.loop = await startDevLoop({
    root: copy,
    outDir: path.join(copy, 'out'),
    electron,
    log: (line) => run.lines.push(line),
    onBuilt: (target, ok) => run.builds.push({ target, ok }),
  });
  await until(run, 'the first builds', () => TARGETS.every((t) => countOf(run, t) > 0));
  return run;
}

describe('npm run dev without an Electron binary', () => {
  let run: Run;
  beforeAll(async () => {
    run = await startOnCopy({ reason: 'no Electron binary in this test' }, mkdtempSync(path.join(os.tmpdir(), 'dev-')));
  }, 90_000);
  afterAll(async () => {
    await run?.loop.stop();
    if (run) rmSync(run.copy, { recursive: true, force: true });
  });

  it('builds main, preload and renderer once at the start and says once that Electron is not started', () => {
    expect(run.builds.every((b) => b.ok)).toBe(true);
    expect(readFileSync(path.join(run.copy, 'out/renderer/index.html'), 'utf8')).toContain('<div id="root">');
    expect(bundleText(run, 'main')).toContain('Mailadapter Assistant');
    expect(bundleText(run, 'preload')).toContain('exposeInMainWorld');
    expect(run.lines.filter((l) => l.startsWith('Not starting Electron'))).toHaveLength(1);
    expect(run.lines.join('\n')).toContain('npm run dev:web');
  });

  it.each([
    ['main', 'main/electron/index.ts'],
    ['preload', 'main/preload/index.ts'],
    ['renderer', 'renderer/src/main.tsx'],
  ] as const)(
    'rebuilds %s after its source changes',
    async (target, file) => {
      const marker = `dev-loop-marker-${target}-${Date.now()}`;
      const before = countOf(run, target);
      append(run, file, `console.info(${JSON.stringify(marker)});`);
      await until(
        run,
        `a rebuild of ${target}`,
        () => countOf(run, target) > before && bundleText(run, target).includes(marker),
      );
      expect(run.builds.filter((b) => b.target === target).at(-1)?.ok).toBe(true);
    },
    60_000,
  );

  it('reports a broken source and rebuilds once it is fixed, without stopping', async () => {
    const before = countOf(run, 'main');
    append(run, 'main/electron/index.ts', 'const broken = ;');
    await until(run, 'the failed build', () => countOf(run, 'main') > before);
    expect(run.builds.at(-1)).toEqual({ target: 'main', ok: false });
    const file = path.join(run.copy, 'main/electron/index.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('const broken = ;', 'console.info("fixed-again");'));
    await until(run, 'the repaired build', () => bundleText(run, 'main').includes('fixed-again'));
    expect(run.lines.filter((l) => l.startsWith('Not starting Electron'))).toHaveLength(1);
  }, 60_000);
});

describe('npm run dev with an Electron binary (a stand-in that records its starts)', () => {
  let run: Run;
  let starts: string;
  const startCount = () => (existsSync(starts) ? readFileSync(starts, 'utf8').split('\n').filter(Boolean).length : 0);

  beforeAll(async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'dev-'));
    starts = path.join(copy, 'starts.log');
    const fake = path.join(copy, 'fake-electron');
    writeFileSync(fake, `#!/bin/sh\necho "$1" >> '${starts}'\nexec sleep 300\n`);
    chmodSync(fake, 0o755);
    run = await startOnCopy({ path: fake, reason: '' }, copy);
  }, 90_000);
  afterAll(async () => {
    await run?.loop.stop();
    if (run) rmSync(run.copy, { recursive: true, force: true });
  });

  it('starts it once all three are built, with the checkout as the app folder', async () => {
    await until(run, 'the first start', () => startCount() === 1);
    expect(readFileSync(starts, 'utf8').trim()).toBe(run.copy);
    expect(run.lines.some((l) => l.startsWith('Not starting Electron'))).toBe(false);
  });

  it('restarts it after a main rebuild, not after a renderer rebuild', async () => {
    const renderers = countOf(run, 'renderer');
    append(run, 'renderer/src/main.tsx', 'console.info("renderer-only");');
    await until(run, 'the renderer rebuild', () => countOf(run, 'renderer') > renderers);
    await new Promise((r) => setTimeout(r, 500));
    expect(startCount()).toBe(1);

    append(run, 'main/electron/index.ts', 'console.info("restart-me");');
    await until(run, 'the restart', () => startCount() === 2);
  }, 60_000);
});
