import type { RetestState } from '@shared/wizard/retest';
import { CANARY, setup } from '@test/fixtures/wizard-services-kit';
import { createHarnessPlatform } from '@test/harness/harness-platform';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

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
      'Microsoft – Anmeldung als Postfachbenutzer',
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
