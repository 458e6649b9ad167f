import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { dispatch } from '@core/ipc/dispatch';
import type { Handlers } from '@core/ipc/handlers';
import { createMemoryRetestPersistence } from '@core/wizard/retest/persistence';
import type { WizardDataPort } from '@core/wizard/wizard-data';
import { createWizardServices, type WizardServiceOptions } from '@core/wizard/wizard-services';
import type { ChannelName } from '@shared/ipc/contract';
import type { Result } from '@shared/ipc/result';
import { AppError } from '@shared/ipc/result';
import { emptyProgress } from '@shared/profile/progress';
import type { RetestState } from '@shared/wizard/retest';
import { createHarnessPlatform } from '@test/harness/harness-platform';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const CANARY = 'CANARY-app-pw-93c1';

const dataPort = (): WizardDataPort => ({
  profile: (id) => {
    if (id !== 'p1') throw new AppError('PROFILE_NOT_FOUND', 'no such profile');
    return {
      displayName: 'Rechnungen <b>',
      host: 'outlook.office365.com',
      port: 993,
      security: 'tls',
      mailboxUser: 'rechnung@contoso.de',
    };
  },
  progress: () => emptyProgress(),
  lastReport: () => null,
  secretSaved: async () => true,
});

function setup(over: Partial<WizardServiceOptions> = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wizard-'));
  const announced: unknown[] = [];
  const { platform, observed, controls } = createHarnessPlatform((w) => announced.push(w), { dataDir });
  const data = dataPort();
  let language: 'de' | 'en' = 'de';
  const wizard = createWizardServices({
    platform,
    dataDir,
    language: () => language,
    appInfo: () => ({ name: 'Mailadapter Assistant', version: '0.1.0' }),
    data,
    getSecret: async (id) => (id === 'p1' ? CANARY : null),
    retestPersistence: createMemoryRetestPersistence(),
    browserSystem: {
      platform: 'linux',
      env: { PATH: '/usr/bin' },
      homeDir: '/home/a',
      isExecutable: (f) => f === '/usr/bin/firefox' || f === '/usr/bin/chromium',
      isDirectory: () => false,
    },
    ...over,
  });
  const emitted: { name: string; payload: unknown }[] = [];
  const call = <K extends ChannelName>(name: K, input?: unknown): Promise<Result<unknown>> =>
    dispatch(wizard.handlers as unknown as Handlers, name, input, {
      emit: (n, p) => emitted.push({ name: n, payload: p }),
    });
  return {
    wizard,
    observed,
    controls,
    announced,
    call,
    emitted,
    dataDir,
    setLanguage: (l: 'de' | 'en') => (language = l),
  };
}

describe('wizard channels', () => {
  it('openPortal opens the table URL for the identity, titled for that identity; raw URLs are refused', async () => {
    const t = setup();
    expect(await t.call('openPortal', { linkId: 'entraOverview' })).toEqual({
      ok: true,
      value: { linkId: 'entraOverview', identity: 'admin' },
    });
    expect(await t.call('openPortal', { linkId: 'securityInfo', identity: 'mailbox' })).toMatchObject({ ok: true });
    t.setLanguage('en');
    await t.call('openPortal', { linkId: 'officePortal' });
    expect(t.observed.windows).toEqual([
      {
        kind: 'portal',
        url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
        purpose: 'admin',
      },
      { kind: 'portal', url: 'https://mysignins.microsoft.com/security-info', purpose: 'mailbox' },
      { kind: 'portal', url: 'https://portal.office.com', purpose: 'mailbox' },
    ]);
    expect(t.observed.portalTitles).toEqual([
      'Microsoft – Anmeldung als Administrator',
      'Microsoft – Anmeldung als Postfach-Benutzer',
      'Microsoft – signed in as mailbox user',
    ]);
    expect(t.announced).toHaveLength(3);
    for (const bad of [
      { url: 'https://evil.example/' },
      { linkId: 'https://evil.example/' },
      { linkId: 'entraOverview', url: 'https://evil.example/' },
      { linkId: 'entraOverview', identity: 'root' },
    ]) {
      expect(await t.call('openPortal', bad)).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    }
    expect(t.observed.windows).toHaveLength(3);
    await t.wizard.dispose();
  });

  it('lists installed private browsers and launches the preferred or the chosen one with the private switch', async () => {
    const t = setup();
    expect(await t.call('listPrivateBrowsers')).toEqual({
      ok: true,
      value: [
        { id: 'chromium', name: 'Chromium', privateMode: 'incognito' },
        { id: 'firefox', name: 'Mozilla Firefox', privateMode: 'private-window' },
      ],
    });
    expect(await t.call('openInPrivateBrowser', { linkId: 'securityInfo' })).toEqual({
      ok: true,
      value: { browser: 'chromium' },
    });
    expect(await t.call('openInPrivateBrowser', { linkId: 'officePortal', browser: 'firefox' })).toEqual({
      ok: true,
      value: { browser: 'firefox' },
    });
    expect(t.observed.browserLaunches).toEqual([
      { command: '/usr/bin/chromium', args: ['--incognito', 'https://mysignins.microsoft.com/security-info'] },
      { command: '/usr/bin/firefox', args: ['--private-window', 'https://portal.office.com'] },
    ]);
    expect(await t.call('openInPrivateBrowser', { linkId: 'securityInfo', browser: 'edge' })).toMatchObject({
      ok: false,
      error: { code: 'BROWSER_NOT_FOUND', details: { installed: ['chromium', 'firefox'] } },
    });
    await t.wizard.dispose();
  });

  it('reports a browser that cannot be started as BROWSER_LAUNCH_FAILED', async () => {
    const { platform } = createHarnessPlatform(() => {});
    const broken = setup({
      platform: {
        ...platform,
        launchBrowser: async () => Promise.reject(Object.assign(new Error('spawn'), { code: 'EACCES' })),
      },
    });
    expect(await broken.call('openInPrivateBrowser', { linkId: 'securityInfo' })).toMatchObject({
      ok: false,
      error: { code: 'BROWSER_LAUNCH_FAILED', message: expect.stringContaining('EACCES') as unknown as string },
    });
    await broken.wizard.dispose();
  });

  it('openExternalLink opens allowlisted https pages only, and only when confirmed', async () => {
    const t = setup();
    expect(await t.call('openExternalLink', { url: 'https://learn.microsoft.com/entra/', confirmed: true })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(await t.call('openExternalLink', { url: 'https://example.com/', confirmed: true })).toMatchObject({
      ok: false,
      error: { code: 'EXTERNAL_URL_REFUSED' },
    });
    expect(await t.call('openExternalLink', { url: 'https://learn.microsoft.com/' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(await t.call('openExternalLink', { url: 'https://learn.microsoft.com/', confirmed: false })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    expect(t.observed.windows).toEqual([{ kind: 'external', url: 'https://learn.microsoft.com/entra/' }]);
    await t.wizard.dispose();
  });
});

describe('clipboard channels', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('copies the saved app password without returning it, and clears it after 30 s', async () => {
    const t = setup();
    const r = await t.call('copySecretToClipboard', { profileId: 'p1' });
    expect(r).toMatchObject({ ok: true, value: { clearAfterMs: 30_000 } });
    expect(JSON.stringify(r)).not.toContain(CANARY);
    expect(t.observed.clipboard).toBe(CANARY);
    await vi.advanceTimersByTimeAsync(30_001);
    expect(t.observed.clipboard).toBe('');
    await t.wizard.dispose();
  });

  it('SECRET_NOT_SAVED when there is nothing to copy; plain values copy as they are', async () => {
    const t = setup({ getSecret: async () => null });
    expect(await t.call('copySecretToClipboard', { profileId: 'p1' })).toMatchObject({
      ok: false,
      error: { code: 'SECRET_NOT_SAVED' },
    });
    expect(await t.call('copyToClipboard', { text: 'outlook.office365.com' })).toEqual({
      ok: true,
      value: { copied: true },
    });
    expect(t.observed.clipboard).toBe('outlook.office365.com');
    expect(await t.call('copyToClipboard', { text: 'x'.repeat(5000) })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    await t.wizard.dispose();
  });
});

describe('automatic retests', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-20T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('start, every change reported for the view, desktop notification on success, cancel', async () => {
    const answers = [
      { ok: false, code: 'AUTH_FAILED' },
      { ok: true, code: 'OK' },
    ];
    const updates: RetestState[] = [];
    const t = setup({ runProbe: async () => answers.shift()!, onRetestUpdate: (s) => updates.push(s) });
    const { retest } = t.wizard;
    expect(await retest.get('p1')).toBeNull();
    expect(retest.schedule).toMatchObject({ firstDelayMinutes: 15, maxAttemptsPerHour: 4 });
    expect(await retest.start('p1')).toMatchObject({
      status: 'scheduled',
      nextAttemptAt: '2026-11-20T08:15:00.000Z',
    });
    await vi.advanceTimersByTimeAsync(2 * 60 * 60_000);
    expect(updates.map((u) => u.status)).toEqual(['scheduled', 'running', 'scheduled', 'running', 'succeeded']);
    expect(t.observed.notifications).toEqual([
      { title: 'Verbindung erfolgreich – Rechnungen <b>', body: expect.any(String) as unknown as string },
    ]);
    expect(await retest.cancel('p1')).toMatchObject({ status: 'succeeded' });
    await expect(retest.start('nope')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    await t.wizard.dispose();
  });

  it('without a wired connection test automatic retests refuse to start', async () => {
    const t = setup();
    await expect(t.wizard.retest.start('p1')).rejects.toMatchObject({ code: 'RETEST_UNAVAILABLE' });
    await t.wizard.dispose();
  });
});

describe('setup report channel', () => {
  it('asks for a place (harness: data dir exports/), writes one HTML file and reports its path', async () => {
    const t = setup();
    const r = (await t.call('exportSetupReport', { profileId: 'p1', language: 'de' })) as Result<{
      saved: true;
      path: string;
      bytes: number;
    }>;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(path.dirname(r.value.path)).toBe(path.join(t.dataDir, 'exports'));
    expect(path.basename(r.value.path)).toMatch(/^Einrichtungsbericht-Rechnungen-b-\d{4}-\d\d-\d\d\.html$/);
    const html = readFileSync(r.value.path, 'utf8');
    expect(Buffer.byteLength(html)).toBe(r.value.bytes);
    expect(html).toContain('Rechnungen &lt;b&gt;');
    expect(html).not.toContain(CANARY);
    expect(t.observed.saveDialogs).toEqual([{ defaultName: path.basename(r.value.path), path: r.value.path }]);
    await t.wizard.dispose();
  });

  it('a cancelled dialog saves nothing; a given path must be absolute .html; unknown profiles fail', async () => {
    const t = setup();
    t.controls.cancelNextSaveDialog();
    expect(await t.call('exportSetupReport', { profileId: 'p1', language: 'en' })).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(existsSync(path.join(t.dataDir, 'exports'))).toBe(false);
    const target = path.join(t.dataDir, 'mine.html');
    expect(await t.call('exportSetupReport', { profileId: 'p1', language: 'en', path: target })).toMatchObject({
      ok: true,
      value: { saved: true, path: target },
    });
    expect(readFileSync(target, 'utf8')).toContain('<html lang="en">');
    expect(await t.call('exportSetupReport', { profileId: 'p1', language: 'en', path: 'relative.html' })).toMatchObject(
      { ok: false, error: { code: 'EXPORT_PATH_INVALID' } },
    );
    expect(
      await t.call('exportSetupReport', { profileId: 'p1', language: 'en', path: path.join(t.dataDir, 'x.sh') }),
    ).toMatchObject({ ok: false, error: { code: 'EXPORT_PATH_INVALID' } });
    expect(
      await t.call('exportSetupReport', {
        profileId: 'p1',
        language: 'en',
        path: path.join(t.dataDir, 'missing-dir', 'x.html'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'EXPORT_WRITE_FAILED' } });
    expect(await t.call('exportSetupReport', { profileId: 'zz', language: 'de' })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND' },
    });
    await t.wizard.dispose();
  });

  it('takes the modern-auth facts through the data port; a failing port still exports the documented report', async () => {
    const oauth: WizardDataPort['oauth'] = async () => ({
      track: 'modern-auth',
      registered: true,
      signedIn: false,
      account: null,
      handover: [{ key: 'clientId', value: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' }],
    });
    const t = setup({ data: { ...dataPort(), oauth } });
    const target = path.join(t.dataDir, 'oauth.html');
    expect(await t.call('exportSetupReport', { profileId: 'p1', language: 'en', path: target })).toMatchObject({
      ok: true,
    });
    const html = readFileSync(target, 'utf8');
    expect(html).toContain('<section data-section="handover">');
    expect(html).toContain('<dd><code>5e3ce6c0-2b1f-4285-8d4b-75ee78787346</code></dd>');
    await t.wizard.dispose();

    const broken = setup({ data: { ...dataPort(), oauth: async () => Promise.reject(new Error('keychain locked')) } });
    const fallback = path.join(broken.dataDir, 'fallback.html');
    expect(await broken.call('exportSetupReport', { profileId: 'p1', language: 'en', path: fallback })).toMatchObject({
      ok: true,
    });
    expect(readFileSync(fallback, 'utf8')).not.toContain('data-section="handover"');
    await broken.wizard.dispose();
  });

  it('in the desktop app a page cannot choose the target path; the save dialog decides', async () => {
    const { platform } = createHarnessPlatform(() => {});
    const desktop = setup({ platform: { ...platform, runtime: 'electron' } });
    const target = path.join(desktop.dataDir, 'chosen-by-page.html');
    expect(await desktop.call('exportSetupReport', { profileId: 'p1', language: 'de', path: target })).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_PATH_NOT_ALLOWED' },
    });
    expect(existsSync(target)).toBe(false);
    await desktop.wizard.dispose();
  });
});
