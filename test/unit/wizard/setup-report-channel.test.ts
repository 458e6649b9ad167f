/** The setup report channel: where the file goes, what it may contain, and who chooses the place. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { WizardDataPort } from '@core/wizard/wizard-data';
import type { Result } from '@shared/ipc/result';
import { CANARY, dataPort, setup } from '@test/fixtures/wizard-services-kit';
import { createHarnessPlatform } from '@test/harness/harness-platform';
import { describe, expect, it } from 'vitest';

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
