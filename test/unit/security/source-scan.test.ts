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

  it('every file that creates a BrowserWindow sets contextIsolation and sandbox explicitly', () => {
    const creators = files('main/electron').filter((f) => /new BrowserWindow\(/.test(read(f)));
    expect(creators).toContain('main/electron/main-window.ts');
    for (const f of creators) {
      const text = read(f);
      expect(text, f).toMatch(/contextIsolation\s*:\s*true/);
      expect(text, f).toMatch(/sandbox\s*:\s*true/);
    }
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
