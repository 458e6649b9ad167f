import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { APP_ORIGIN, CSP, isAppOrigin, resolveAppFile } from '@main/electron/app-origin';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** directive → sources */
function parseCsp(text: string): Map<string, string[]> {
  return new Map(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function metaCsp(html: string): string {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSP meta tag');
  return m[1]!;
}

function assertStrict(csp: Map<string, string[]>): void {
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  for (const [name, sources] of csp) {
    for (const s of sources) {
      // Only our own origin, data: images, or nothing — no remote host, no scheme wildcard, no unsafe keyword.
      expect(["'self'", "'none'", 'data:'], `${name} ${s}`).toContain(s);
      if (s === 'data:') expect(name).toBe('img-src');
    }
  }
}

describe('Content-Security-Policy', () => {
  it('the header policy allows only our own scripts and nothing remote', () => {
    assertStrict(parseCsp(CSP));
    expect(parseCsp(CSP).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the page carries an equally strict policy in its meta tag', () => {
    assertStrict(parseCsp(metaCsp(readFileSync(path.join(root, 'renderer/index.html'), 'utf8'))));
  });

  it('the built page has no inline script and keeps the meta policy', () => {
    const built = path.join(root, 'out/renderer/index.html');
    if (!existsSync(built)) return; // covered after `npm run build` (npm test builds first)
    const html = readFileSync(built, 'utf8');
    assertStrict(parseCsp(metaCsp(html)));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.?\/?[^":]+"/); // local file, no scheme
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers
  });
});

describe('app:// origin and file mapping', () => {
  it('recognises only app://assistant', () => {
    expect(isAppOrigin(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const u of [
      'app://other/index.html',
      'https://assistant/',
      'file:///index.html',
      'app:assistant',
      'not a url',
      'APP://ASSISTANT.evil/',
    ]) {
      expect(isAppOrigin(u), u).toBe(false);
    }
  });

  it('maps app URLs into the renderer folder and refuses everything that leaves it', () => {
    const rootDir = path.resolve('/srv/app/out/renderer');
    expect(resolveAppFile(rootDir, 'app://assistant/')).toEqual({ file: path.join(rootDir, 'index.html') });
    expect(resolveAppFile(rootDir, 'app://assistant/assets/index-abc.js')).toEqual({
      file: path.join(rootDir, 'assets/index-abc.js'),
    });
    expect(resolveAppFile(rootDir, 'app://assistant/a%20b.png')).toEqual({ file: path.join(rootDir, 'a b.png') });
    // Whatever the encoding trick, the answer is a refusal or a file inside the renderer folder.
    for (const u of [
      'app://assistant/../main/index.js',
      'app://assistant/%2e%2e/%2e%2e/etc/passwd',
      'app://assistant/..%2f..%2fetc%2fpasswd',
      'app://assistant/..%5c..%5cwindows',
      'app://assistant/%00index.html',
      'app://assistant/%E0%A4%A',
      'app://assistant//etc/passwd',
      'app://assistant/%2fetc%2fpasswd',
    ]) {
      const r = resolveAppFile(rootDir, u);
      if ('file' in r) expect(r.file.startsWith(rootDir + path.sep), `${u} → ${r.file}`).toBe(true);
    }
    expect(resolveAppFile(rootDir, 'app://assistant/..%2f..%2fetc%2fpasswd')).toEqual({ status: 403 });
    expect(resolveAppFile(rootDir, 'app://assistant/..%5c..%5cwindows')).toEqual({ status: 403 });
    expect(resolveAppFile(rootDir, 'app://assistant/%00index.html')).toEqual({ status: 403 });
    expect(resolveAppFile(rootDir, 'app://assistant/%E0%A4%A')).toEqual({ status: 403 });
    expect(resolveAppFile(rootDir, 'app://elsewhere/index.html')).toEqual({ status: 404 });
    expect(resolveAppFile(rootDir, 'https://assistant/index.html')).toEqual({ status: 404 });
  });
});
