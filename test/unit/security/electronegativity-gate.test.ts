import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  evaluate,
  type Finding,
  parseCsv,
  parseElectronegativityCsv,
  validateAllowlist,
} from '../../../build/scripts/electronegativity-report';

const root = fileURLToPath(new URL('../../..', import.meta.url));

const CSV = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/electron/electron-platform.ts","10:27","openExternal: (url) => shell.openExternal(url),","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src \'none\'; script-src \'self\'","One or more CSP directives detected seems to be vulnerable",https://x',
  'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/bad.ts","3:2","new BrowserWindow({\n  webPreferences: { nodeIntegration: true, title: ""a, b"" }","Disable nodeIntegration",https://x',
].join('\n');

describe('reading the CSV report', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","d ""e""",f\n"g\nh",i')).toEqual([
      ['a', 'b, c', 'd "e"', 'f'],
      ['g\nh', 'i'],
    ]);
  });

  it('turns rows into findings with severity', () => {
    const findings = parseElectronegativityCsv(CSV);
    expect(findings.map((f) => [f.id, f.severity, f.file])).toEqual([
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'main/electron/electron-platform.ts'],
      ['CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html'],
      ['NODE_INTEGRATION_JS_CHECK', 'HIGH', 'main/bad.ts'],
    ]);
    expect(findings[2]!.sample).toContain('title: "a, b"');
  });

  it('refuses something that is not its report', () => {
    expect(() => parseElectronegativityCsv('name,value\na,b')).toThrow(/unexpected header/);
    expect(() => parseElectronegativityCsv('issue, severity\nX,"SEVERE"')).toThrow(/unknown severity/);
  });
});

describe('the verdict', () => {
  const findings = parseElectronegativityCsv(CSV);
  const entry = {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/electron/electron-platform.ts',
    reason: 'guarded by the allowlist check right before it',
  };

  it('fails MEDIUM and higher unless allowlisted; LOW only informs', () => {
    const v = evaluate(findings, [entry]);
    expect(v.blocking.map((f: Finding) => f.id)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(v.allowed.map((a) => a.finding.id)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(v.informational.map((f) => f.id)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(v.stale).toEqual([]);
  });

  it('an entry must match id, file and (when given) the code sample', () => {
    expect(evaluate(findings, [{ ...entry, file: 'main/other.ts' }]).blocking).toHaveLength(2);
    expect(evaluate(findings, [{ ...entry, sample: 'platform.openExternal' }]).blocking).toHaveLength(2);
    expect(evaluate(findings, [{ ...entry, sample: 'shell.openExternal' }]).blocking).toHaveLength(1);
  });

  it('an entry that covers nothing is reported as stale', () => {
    const stale = { id: 'SANDBOX_JS_CHECK', file: 'main/gone.ts', reason: 'the file was deleted long ago' };
    expect(evaluate(findings, [entry, stale]).stale).toEqual([stale]);
  });

  it('every allowlist entry needs a real reason', () => {
    expect(() => validateAllowlist([{ id: 'X', file: 'y.ts', reason: 'ok' }])).toThrow(/reason/);
    expect(() => validateAllowlist([{ id: 'X', reason: 'a reason that is long enough' }])).toThrow(/required/);
    expect(() => validateAllowlist({})).toThrow(/array/);
  });

  it('the checked-in allowlist is valid and every entry explains itself', () => {
    const list = validateAllowlist(
      JSON.parse(readFileSync(path.join(root, 'build/electronegativity-allowlist.json'), 'utf8')),
    );
    expect(list.length).toBeGreaterThan(0);
  });
});

describe('the gate end to end (real Electronegativity, offline)', () => {
  it('fails on a window that switches protections off, and reaches no network', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'en-fixture-'));
    try {
      mkdirSync(path.join(dir, 'main'));
      writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.0.0' } }),
      );
      writeFileSync(
        path.join(dir, 'main/window.ts'),
        "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\nvoid w.loadURL('http://example.invalid/');\n",
      );
      const allowlist = path.join(dir, 'allow.json');
      writeFileSync(allowlist, '[]');
      const json = path.join(dir, 'result.json');
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'build/scripts/electronegativity-gate.ts',
          '--input',
          dir,
          '--allowlist',
          allowlist,
          '--json',
          json,
        ],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, OFFLINE_GOT_REPORT: '1' },
          timeout: 120_000,
        },
      );
      expect(r.status).toBe(1);
      const result = JSON.parse(readFileSync(json, 'utf8')) as { failed: number; verdict: { blocking: Finding[] } };
      const ids = result.verdict.blocking.map((f) => f.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'CONTEXT_ISOLATION_JS_CHECK',
          'SANDBOX_JS_CHECK',
          'LIMIT_NAVIGATION_GLOBAL_CHECK',
          'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        ]),
      );
      expect(result.failed).toBe(result.verdict.blocking.length);
      expect(r.stdout).toMatch(/\d+ passed, \d+ failed, 0 skipped/);
      // The tool's own downloads (translations, Electron release list) were answered locally.
      expect(r.stdout).toMatch(/offline: [1-9]\d* request\(s\) refused locally/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
