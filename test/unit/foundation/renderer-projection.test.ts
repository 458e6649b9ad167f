/**
 * The renderer is a projection of main's wizard view plus navigation: it implements no wizard rule. Guarded here
 * over the sources, so a rule that creeps back into a component fails the build however the UI still behaves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { HOST_CHANNELS } from '@renderer/bridge/host';
import { wizardStateChannels } from '@shared/ipc/channels/wizard-state';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

const rendererFiles = (): string[] =>
  readdirSync(path.join(root, 'renderer/src'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));

const outsideBridge = () => rendererFiles().filter((f) => !f.startsWith('renderer/src/bridge/'));

/** Code without comments, so prose ("what the assistant does.") never counts as a call. */
const code = (f: string) =>
  read(f)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

/** Functions and tables that decide wizard state; main's wizard-state service applies them. */
const RULES = [
  'stepStatus',
  'statusFromProgress',
  'stepOnTrack',
  'stepsOfTrack',
  'TRACK_STEPS',
  'recommendedRoute',
  'stepsOfRoute',
  'ownStepsOfRoute',
  'isExchangeOnline',
  'offerSwitchAfter',
  'isRetestActive',
  'RETEST_SCHEDULE',
  'retestEligible',
  'permanentVerdict',
  'applyStepAction',
];

/** The store's and keychain's own channels: changing them from the page would bypass the wizard's rules. */
const STATE_CHANNELS = ['listProfiles', 'getProfile', 'createProfile', 'saveSecret', 'secretStatus', 'deleteSecret'];

/** The value imports of a file: `import { a, b as c } from 'x'` → [['x', ['a', 'b']]], type-only imports left out. */
function valueImports(source: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const m of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
    if (m[1]) continue;
    const names = m[2]!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/)[0]!);
    out.push([m[3]!, names]);
  }
  return out;
}

describe('the renderer projects main’s wizard view', () => {
  it('only src/bridge touches window.assistant', () => {
    const hits = outsideBridge().filter(
      (f) => /\bassistant\s*\.\s*\w/.test(code(f)) || /from\s+'[^']*bridge\/assistant'/.test(code(f)),
    );
    expect(hits).toEqual([]);
  });

  it('the channels pages may call directly hold no wizard state', () => {
    const commands = Object.keys(wizardStateChannels);
    const leaking = HOST_CHANNELS.filter((c) => commands.includes(c) || STATE_CHANNELS.includes(c));
    expect(leaking).toEqual([]);
  });

  it('no renderer file imports a wizard rule', () => {
    const found = rendererFiles().flatMap((f) =>
      valueImports(code(f))
        .filter(([from]) => from.startsWith('@shared/'))
        .flatMap(([, names]) => names.filter((n) => RULES.includes(n)).map((n) => `${f}: ${n}`)),
    );
    expect(found).toEqual([]);
  });

  it('the navigation context holds where the admin looks, nothing else', () => {
    const source = code('renderer/src/wizard/state/navigation.tsx');
    const body = /export interface Navigation \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
    const members = [...body.matchAll(/^\s*(\w+)\??[(:]/gm)].map((m) => m[1]);
    expect(members.sort()).toEqual(
      [
        'ready',
        'step',
        'stepChange',
        'focusTarget',
        'nextStep',
        'prevStep',
        'goTo',
        'next',
        'back',
        'openConnection',
      ].sort(),
    );
    // Its state is the step, the focus target and where Back leads; every fact about a connection is main's view.
    const state = [...source.matchAll(/const \[(\w+),\s*set\w+\]\s*=\s*useState/g)].map((m) => m[1]);
    expect(state.sort()).toEqual(['focusTarget', 'returnTo', 'stepChange', 'went'].sort());
    const imports = valueImports(source).map(([from]) => from);
    expect(imports.filter((from) => from.startsWith('@shared/'))).toEqual([]);
  });

  it('recognises what it guards against (the scan itself works)', () => {
    expect(valueImports("import { stepStatus, type X } from '@shared/wizard/step-status';")).toEqual([
      ['@shared/wizard/step-status', ['stepStatus']],
    ]);
    expect(valueImports("import type { StepStatusView } from '@shared/wizard/step-status';")).toEqual([]);
    expect(/\bassistant\s*\.\s*\w/.test(code('renderer/src/bridge/wizard-view.ts'))).toBe(true);
  });
});
