/**
 * The wizard's channels as the app wires them (createServices: real store, real OS keychain on a throwaway
 * gnome-keyring session, harness platform): the saved app password travels from the keychain to the clipboard
 * without ever reaching the renderer or a file, and the setup report lands in the data dir's exports/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { createServices, type Services } from '@core/services';
import { translator } from '@shared/text/translator';
import { filesContaining, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import {
  bindProcessToBus,
  type KeyringSession,
  startKeyringSession,
  verifyNativeKeyringTalksTo,
} from '@test/fixtures/keyring-session';
import { createHarnessPlatform, type HarnessObservations } from '@test/harness/harness-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CANARY = 'Canary-AppPw-2f8d61c0';

let session: KeyringSession;
let services: Services;
let observed: HarnessObservations;
let dataDir: string;
const h = () => services.handlers;

beforeAll(async () => {
  session = await startKeyringSession('unlocked');
  bindProcessToBus(session.busAddress);
  await verifyNativeKeyringTalksTo(session);
  dataDir = tempDir('wizard-int-');
  const harness = createHarnessPlatform(() => {}, { dataDir });
  observed = harness.observed;
  services = createServices({
    dataDir,
    platform: harness.platform,
    appInfo: () => ({
      name: 'Mailadapter Assistant',
      version: '0.1.0',
      runtime: 'browser-harness',
      platform: 'linux',
      versions: {},
    }),
  });
});

afterAll(async () => {
  await services?.dispose();
  await session?.stop();
});

describe('wizard channels in the composed app', () => {
  it('copies the keychain app password to the clipboard; the answer and the data dir never hold it', async () => {
    const p = okValue(
      await invoke(h(), 'createProfile', {
        displayName: 'Rechnungen <script>x</script>',
        mailboxUser: 'rechnung@contoso.de',
      }),
    );
    okValue(await invoke(h(), 'saveSecret', { profileId: p.id, kind: 'app-password', secret: CANARY }));
    const copied = await invoke(h(), 'copySecretToClipboard', { profileId: p.id });
    expect(okValue(copied).clearAfterMs).toBe(30_000);
    expect(JSON.stringify(copied)).not.toContain(CANARY);
    expect(observed.clipboard).toBe(CANARY);

    okValue(await invoke(h(), 'confirmStep', { profileId: p.id, stepId: 'securityDefaults' }));
    const saved = okValue(await invoke(h(), 'exportSetupReport', { profileId: p.id, language: 'de' }));
    expect(saved.saved).toBe(true);
    if (!saved.saved) return;
    expect(path.dirname(saved.path)).toBe(path.join(dataDir, 'exports'));
    const html = readFileSync(saved.path, 'utf8');
    expect(html).toContain('Rechnungen &lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('im Schlüsselbund gespeichert');
    expect(html).toContain(`<td class="status-done">${translator('de').t('wizard:status.done')}</td>`);
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
  });

  it('a profile without a saved app password copies nothing', async () => {
    const p = okValue(await invoke(h(), 'createProfile', { displayName: 'Leer' }));
    const before = observed.clipboard;
    const r = await invoke(h(), 'copySecretToClipboard', { profileId: p.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'SECRET_NOT_SAVED' } });
    expect(observed.clipboard).toBe(before);
    expect(await invoke(h(), 'copySecretToClipboard', { profileId: 'does-not-exist' })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND' },
    });
  });

  it('portal windows follow the app language for their identity title', async () => {
    okValue(await invoke(h(), 'setLanguage', { language: 'en' }));
    okValue(await invoke(h(), 'openPortal', { linkId: 'perUserMfa' }));
    expect(observed.windows.at(-1)).toEqual({
      kind: 'portal',
      url: 'https://account.activedirectory.windowsazure.com/usermanagement/multifactorverification.aspx',
      purpose: 'admin',
    });
    expect(observed.portalTitles.at(-1)).toBe('Microsoft – signed in as administrator');
    okValue(await invoke(h(), 'setLanguage', { language: 'de' }));
  });

  it.runIf(existsSync('/usr/bin/chromium'))(
    "finds this machine's Chromium and would start it in incognito mode",
    async () => {
      const browsers = okValue(await invoke(h(), 'listPrivateBrowsers'));
      expect(browsers.map((b) => b.id)).toContain('chromium');
      expect(
        okValue(await invoke(h(), 'openInPrivateBrowser', { linkId: 'securityInfo', browser: 'chromium' })),
      ).toEqual({ browser: 'chromium' });
      expect(observed.browserLaunches.at(-1)?.args).toEqual([
        '--incognito',
        'https://mysignins.microsoft.com/security-info',
      ]);
    },
  );
});
