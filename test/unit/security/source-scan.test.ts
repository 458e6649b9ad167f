import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// Static guarantees over every source file that ships (main/, renderer/): settings that switch Electron's
// protections off must not appear anywhere, whatever a reviewer misses.
const root = fileURLToPath(new URL('../../..', import.meta.url));

function files(dir: string, ext = /\.(ts|tsx|mts|js|mjs|cjs|html)$/): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !path.join(e.parentPath, e.name).includes('node_modules'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const shipped = () => [...files('main'), ...files('renderer')];
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

const HELPER = 'main/electron/web-preferences.ts';

/** The protections hardenedWebPreferences() must set, as literals a reviewer can grep for. */
const HARDENED = [
  'contextIsolation: true',
  'sandbox: true',
  'nodeIntegration: false',
  'nodeIntegrationInWorker: false',
  'nodeIntegrationInSubFrames: false',
  'webSecurity: true',
  'allowRunningInsecureContent: false',
  'experimentalFeatures: false',
  'webviewTag: false',
];

/** Ways to change a window's preferences outside the helper. */
const WEAKENING: RegExp[] = [
  /\.\s*(contextIsolation|sandbox|nodeIntegration\w*|webSecurity|allowRunningInsecureContent|experimentalFeatures|webviewTag)\s*=[^=]/,
  /\.\.\.\s*hardenedWebPreferences\(/,
  /\bwebPreferences\s*=[^=]/,
  /\bwebPreferences\s*:(?!\s*hardenedWebPreferences\()/,
];

/** The options object of each `new BrowserWindow(...)` and each `overrideBrowserWindowOptions: {...}` in a source. */
function windowOptions(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/new BrowserWindow\(|overrideBrowserWindowOptions\s*:\s*/g)) {
    const start = source.indexOf('{', m.index + m[0].length - 1);
    let depth = 0;
    for (let i = start; i < source.length; i++) {
      if (source[i] === '{') depth++;
      else if (source[i] === '}' && --depth === 0) {
        found.push(source.slice(start, i + 1));
        break;
      }
    }
  }
  return found;
}

/** Each forbidden pattern with the reason, as a developer will read it in the failure. */
const FORBIDDEN: [RegExp, string][] = [
  [/nodeIntegration\s*:\s*true/, 'nodeIntegration: true gives web content Node'],
  [/nodeIntegrationInWorker\s*:\s*true/, 'Node in workers'],
  [/nodeIntegrationInSubFrames\s*:\s*true/, 'Node in frames'],
  [/contextIsolation\s*:\s*false/, 'contextIsolation: false lets pages reach the preload'],
  [/sandbox\s*:\s*false/, 'sandbox: false removes the OS sandbox'],
  [/webSecurity\s*:\s*false/, 'webSecurity: false disables the same-origin policy'],
  [/allowRunningInsecureContent\s*:\s*true/, 'mixed content'],
  [/experimentalFeatures\s*:\s*true/, 'experimental Chromium features'],
  [/enableBlinkFeatures/, 'enabling Blink features'],
  [/enableRemoteModule/, 'the remote module'],
  [/@electron\/remote/, 'the remote module'],
  [/webviewTag\s*:\s*true/, '<webview> enabled'],
  [/<webview/i, 'a <webview> tag'],
  [/allowpopups/i, 'webview popups'],
  [/bypassCSP\s*:\s*true/, 'a scheme that bypasses the CSP'],
  [/'unsafe-eval'/, "CSP 'unsafe-eval'"],
  [/script-src[^;"]*'unsafe-inline'/, "CSP script-src 'unsafe-inline'"],
  [/loadURL\(\s*['"`]file:/, 'loading the UI over file://'],
  [/setCertificateVerifyProc|certificate-error/, 'overriding certificate checks'],
  [
    /appendSwitch\(\s*['"](ignore-certificate-errors|disable-web-security|remote-debugging-port|no-sandbox)/,
    'a security-relevant Chromium switch',
  ],
  [/contextBridge\.exposeInMainWorld\([^)]*ipcRenderer\s*\)/, 'ipcRenderer exposed to the page'],
];

describe('shipped sources', () => {
  it('scan more than a handful of files (the scanner itself works)', () => {
    const list = shipped();
    expect(list.length).toBeGreaterThan(30);
    expect(list).toContain('renderer/index.html');
    expect(list).toContain('main/electron/main-window.ts');
  });

  it('contain none of the settings that switch Electron protections off', () => {
    const hits: string[] = [];
    for (const f of shipped()) {
      const text = read(f);
      for (const [re, why] of FORBIDDEN) {
        const m = re.exec(text);
        if (m) hits.push(`${f}: "${m[0]}" — ${why}`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('the patterns do catch the bad settings (guards the guard)', () => {
    const bad = `new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false, allowRunningInsecureContent: true, enableRemoteModule: true } }); const t = '<webview src="x">';`;
    const caught = FORBIDDEN.filter(([re]) => re.test(bad)).map(([, why]) => why);
    expect(caught).toEqual(
      expect.arrayContaining([
        'nodeIntegration: true gives web content Node',
        'contextIsolation: false lets pages reach the preload',
        'sandbox: false removes the OS sandbox',
        'webSecurity: false disables the same-origin policy',
        'mixed content',
        'the remote module',
        'a <webview> tag',
      ]),
    );
  });

  it('the webPreferences helper fixes every protection, after the few choices a window may make', () => {
    const helper = read(HELPER);
    const body = helper.slice(helper.indexOf('export function hardenedWebPreferences('));
    const lastChoice = body.lastIndexOf('...(');
    expect(lastChoice).toBeGreaterThan(-1);
    for (const literal of HARDENED) {
      const at = body.search(new RegExp(`\\b${literal.replace(':', '\\s*:\\s*')}\\b`));
      expect(at, literal).toBeGreaterThan(lastChoice);
    }
    // The argument is taken apart by name: spreading it would let any property through.
    expect(body).not.toMatch(/\.\.\.\s*choices\b/);
  });

  it('every BrowserWindow and every popup a window handler allows takes hardenedWebPreferences() unchanged', () => {
    const sites = files('main/electron').flatMap((f) => windowOptions(read(f)).map((options) => ({ f, options })));
    expect(new Set(sites.map((s) => s.f))).toEqual(
      new Set(['main/electron/main-window.ts', 'main/electron/oauth-window.ts', 'main/electron/portal-window.ts']),
    );
    expect(sites.length).toBeGreaterThanOrEqual(4);
    for (const { f, options } of sites) {
      expect(options.match(/\bwebPreferences\b/g), `${f}: ${options}`).toHaveLength(1);
      expect(options, f).toMatch(/\bwebPreferences\s*:\s*hardenedWebPreferences\(/);
      // A spread after webPreferences could bring its own; the last key wins.
      expect(options.lastIndexOf('...'), `${f}: a spread follows webPreferences`).toBeLessThan(
        options.search(/\bwebPreferences\b/),
      );
    }
  });

  it('nothing else writes webPreferences or flips a protection afterwards', () => {
    const hits: string[] = [];
    for (const f of shipped().filter((f) => f !== HELPER)) {
      const text = read(f);
      for (const re of WEAKENING) {
        const m = re.exec(text);
        if (m) hits.push(`${f}: "${m[0]}"`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('the call-site scan and the weakening patterns do catch bad code (guards the guard)', () => {
    const bad = `const w = new BrowserWindow({ width: 1, webPreferences: { sandbox: true } });
      const p = new BrowserWindow({ webPreferences: hardenedWebPreferences({ devTools: false }), ...rest });`;
    const [first, second] = windowOptions(bad);
    expect(first).not.toMatch(/webPreferences\s*:\s*hardenedWebPreferences\(/);
    expect(second!.lastIndexOf('...')).toBeGreaterThan(second!.search(/\bwebPreferences\b/));
    const caught = [
      'win.webContents.getLastWebPreferences().sandbox = false',
      'prefs.contextIsolation = false;',
      'const prefs = { ...hardenedWebPreferences({ devTools: false }), sandbox: false }',
      "options.webPreferences = { preload: 'x' }",
      'webPreferences: { contextIsolation: true }',
    ].filter((line) => WEAKENING.some((re) => re.test(line)));
    expect(caught).toHaveLength(5);
  });

  it('only electron-platform.ts hands URLs to the OS, and only after the allowlist check', () => {
    const callers = shipped().filter((f) => /shell\s*\.\s*openExternal\s*\(/.test(read(f)));
    expect(callers).toEqual(['main/electron/electron-platform.ts']);
    const platform = read('main/electron/electron-platform.ts');
    const guard = platform.indexOf('canOpenExternally(url)');
    expect(guard).toBeGreaterThan(-1);
    expect(guard).toBeLessThan(platform.indexOf('shell.openExternal('));
  });

  it('the preload exposes one object and never ipcRenderer itself', () => {
    const preload = read('main/preload/index.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('assistant', api/);
    expect(preload).not.toMatch(/api\.\w+\s*=\s*ipcRenderer\b/);
  });

  it('the renderer builds no HTML from strings', () => {
    const hits = files('renderer/src').filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write\(|new Function\(|\beval\(/.test(
        read(f),
      ),
    );
    expect(hits).toEqual([]);
  });
});
