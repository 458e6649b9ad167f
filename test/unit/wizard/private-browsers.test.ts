import { type BrowserSystem, detectPrivateBrowsers, expandWindowsEnv } from '@core/wizard/browsers/detect';
import { browserEnvironment } from '@core/wizard/browsers/spawn-detached';
import { parseRegDefaultValue } from '@core/wizard/browsers/windows-app-paths';
import { describe, expect, it } from 'vitest';

const URL_ = 'https://mysignins.microsoft.com/security-info';

function fakeSystem(
  s: Partial<BrowserSystem> & { files?: string[]; dirs?: string[]; appPaths?: Record<string, string> },
): BrowserSystem {
  const files = new Set(s.files ?? []);
  const dirs = new Set(s.dirs ?? []);
  return {
    platform: s.platform ?? 'linux',
    env: s.env ?? {},
    homeDir: s.homeDir ?? '/home/admin',
    isExecutable: (f) => files.has(f),
    isDirectory: (d) => dirs.has(d),
    ...(s.appPaths ? { appPath: async (exe: string) => s.appPaths![exe] } : {}),
  };
}

describe('private browser detection on Windows', () => {
  const env = {
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\admin\\AppData\\Local',
  };

  it('uses App Paths registrations (quoted, with %variables%) and the private switch of each browser', async () => {
    const found = await detectPrivateBrowsers(
      fakeSystem({
        platform: 'win32',
        env,
        appPaths: {
          'msedge.exe': '"%ProgramFiles(x86)%\\Microsoft\\Edge\\Application\\msedge.exe"',
          'firefox.exe': 'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
        },
        files: [
          'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
          'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
        ],
      }),
    );
    expect(found.map((b) => b.id)).toEqual(['edge', 'firefox']);
    expect(found[0]!.launch(URL_)).toEqual({
      command: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      args: ['--inprivate', URL_],
    });
    expect(found[1]!.launch(URL_).args).toEqual(['--private-window', URL_]);
  });

  it('falls back to the known install folders (per-user Chrome) when App Paths has nothing', async () => {
    const chrome = 'C:\\Users\\admin\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const found = await detectPrivateBrowsers(fakeSystem({ platform: 'win32', env, appPaths: {}, files: [chrome] }));
    expect(found.map((b) => b.id)).toEqual(['chrome']);
    expect(found[0]!.launch(URL_)).toEqual({ command: chrome, args: ['--incognito', URL_] });
  });

  it('ignores a registration whose file is gone or that is not an absolute path', async () => {
    const found = await detectPrivateBrowsers(
      fakeSystem({
        platform: 'win32',
        env,
        appPaths: { 'msedge.exe': 'C:\\Gone\\msedge.exe', 'chrome.exe': 'chrome.exe' },
        files: ['chrome.exe'],
      }),
    );
    expect(found).toEqual([]);
  });

  it('reads environment names case-insensitively, as Windows does', () => {
    expect(expandWindowsEnv('%programfiles%\\x', { ProgramFiles: 'C:\\PF' })).toBe('C:\\PF\\x');
    expect(expandWindowsEnv('%UNKNOWN%\\x', {})).toBe('%UNKNOWN%\\x');
  });

  it('parses `reg query /ve` output in any display language', () => {
    const en =
      '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\chrome.exe\r\n    (Default)    REG_SZ    C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\r\n\r\n';
    const de =
      'HKEY_CURRENT_USER\\...\\msedge.exe\n    (Standard)    REG_EXPAND_SZ    %ProgramFiles%\\Microsoft\\Edge\\Application\\msedge.exe  \n';
    expect(parseRegDefaultValue(en)).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(parseRegDefaultValue(de)).toBe('%ProgramFiles%\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(
      parseRegDefaultValue('ERROR: The system was unable to find the specified registry key or value.'),
    ).toBeUndefined();
  });
});

describe('private browser detection on macOS', () => {
  it('finds app bundles in /Applications and ~/Applications and starts a new instance through open', async () => {
    const found = await detectPrivateBrowsers(
      fakeSystem({
        platform: 'darwin',
        homeDir: '/Users/admin',
        dirs: ['/Applications/Firefox.app', '/Users/admin/Applications/Google Chrome.app'],
      }),
    );
    expect(found.map((b) => b.id)).toEqual(['chrome', 'firefox']);
    expect(found[0]!.launch(URL_)).toEqual({
      command: '/usr/bin/open',
      args: ['-na', '/Users/admin/Applications/Google Chrome.app', '--args', '--incognito', URL_],
    });
    expect(found[1]!.launch(URL_).args).toEqual([
      '-na',
      '/Applications/Firefox.app',
      '--args',
      '--private-window',
      URL_,
    ]);
  });
});

describe('private browser detection on Linux', () => {
  it('looks commands up on PATH in order, skipping relative PATH entries, most preferred browser first', async () => {
    const found = await detectPrivateBrowsers(
      fakeSystem({
        env: { PATH: 'bin:/usr/local/bin:/usr/bin:/snap/bin' },
        files: ['bin/microsoft-edge', '/usr/bin/chromium', '/snap/bin/firefox', '/usr/bin/microsoft-edge-stable'],
      }),
    );
    expect(found.map((b) => [b.id, b.launch(URL_).command])).toEqual([
      ['edge', '/usr/bin/microsoft-edge-stable'],
      ['chromium', '/usr/bin/chromium'],
      ['firefox', '/snap/bin/firefox'],
    ]);
    expect(found.map((b) => b.privateMode)).toEqual(['inprivate', 'incognito', 'private-window']);
    expect(found[0]!.launch(URL_).args).toEqual(['--inprivate', URL_]);
  });

  it('finds nothing without a PATH', async () => {
    expect(await detectPrivateBrowsers(fakeSystem({ env: {}, files: ['/usr/bin/firefox'] }))).toEqual([]);
  });
});

describe('environment of a started browser', () => {
  it("drops Electron's variables, and an AppImage's library paths only inside an AppImage", () => {
    const plain = browserEnvironment({
      PATH: '/usr/bin',
      ELECTRON_RUN_AS_NODE: '1',
      LD_LIBRARY_PATH: '/opt/x',
      HOME: '/home/a',
    });
    expect(plain).toEqual({ PATH: '/usr/bin', LD_LIBRARY_PATH: '/opt/x', HOME: '/home/a' });
    const appImage = browserEnvironment({
      PATH: '/usr/bin',
      APPIMAGE: '/a.AppImage',
      APPDIR: '/tmp/.mount',
      LD_LIBRARY_PATH: '/tmp/.mount/usr/lib',
    });
    expect(appImage).toEqual({ PATH: '/usr/bin' });
  });
});
