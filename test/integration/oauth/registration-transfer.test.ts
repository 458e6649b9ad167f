/**
 * Moving a modern-auth profile to another machine through the composed app (createServices, as Electron and the
 * harness run it): export on one data folder, import on another. The track choice and the app registration
 * travel; the sign-in does not — the refresh token stays in the source keychain (a real Secret Service here) and
 * the account record stays in the source's oauth.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { createServices, type Services } from '@core/services';
import { filesContaining, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import {
  bindProcessToBus,
  type KeyringSession,
  startKeyringSession,
  verifyNativeKeyringTalksTo,
} from '@test/fixtures/keyring-session';
import { createHarnessPlatform } from '@test/harness/harness-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TENANT = 'contoso.onmicrosoft.com';
const CLIENT = '0b5e7b4c-1234-4abc-8def-0123456789ab';
const TOKEN = 'refresh-canary-1.AVMAv4j5cvGGr0GRqy180BHbRxyz';
const HOME_ID = '00000000-0000-0000-8e1d-0123456789ab.72f988bf-86f1-41af-91ab-2d7cd011db47';

let session: KeyringSession;
const open: Services[] = [];

function start(dataDir: string): Services {
  const services = createServices({
    dataDir,
    platform: createHarnessPlatform(() => {}, { dataDir }).platform,
    appInfo: () => ({
      name: 'Mailadapter Assistant',
      version: '0.1.0',
      runtime: 'browser-harness',
      platform: 'linux',
      versions: {},
    }),
  });
  open.push(services);
  return services;
}

async function stop(services: Services): Promise<void> {
  open.splice(open.indexOf(services), 1);
  await services.dispose();
}

beforeAll(async () => {
  session = await startKeyringSession('unlocked');
  bindProcessToBus(session.busAddress);
  await verifyNativeKeyringTalksTo(session);
});

afterAll(async () => {
  for (const s of open.splice(0)) await s.dispose();
  await session?.stop();
});

describe('profile export/import with the modern-auth track', () => {
  it('carries track and registration to a second data folder, never the sign-in', async () => {
    // Source: a profile on the modern-auth track with a registration, signed in (token in the keychain, account
    // in oauth.json as a real sign-in leaves them).
    const sourceDir = tempDir('maa-transfer-src-');
    let source = start(sourceDir);
    const profile = okValue(
      await invoke(source.handlers, 'createProfile', {
        displayName: 'Postfach modern',
        mailboxUser: 'imap@contoso.example',
      }),
    );
    okValue(
      await invoke(source.handlers, 'saveOAuthIds', {
        profileId: profile.id,
        tenant: TENANT,
        clientId: CLIENT,
        mode: 'system-browser',
      }),
    );
    const other = okValue(await invoke(source.handlers, 'createProfile', { displayName: 'Postfach klassisch' }));
    okValue(
      await invoke(source.handlers, 'chooseRoute', {
        profileId: other.id,
        route: 'app-password',
        acknowledgeWarning: true,
      }),
    );
    okValue(
      await invoke(source.handlers, 'saveSecret', {
        profileId: profile.id,
        kind: 'oauth-refresh-token',
        secret: TOKEN,
      }),
    );
    await stop(source);
    const oauthFile = path.join(sourceDir, 'oauth.json');
    const doc = JSON.parse(readFileSync(oauthFile, 'utf8'));
    doc.profiles[profile.id].account = {
      username: 'imap@contoso.example',
      homeAccountId: HOME_ID,
      signedInAt: '2026-11-20T09:00:00.000Z',
    };
    doc.profiles[profile.id].cacheSkeleton = JSON.stringify({
      Account: { [HOME_ID]: { home_account_id: HOME_ID } },
      RefreshToken: {},
    });
    writeFileSync(oauthFile, JSON.stringify(doc));
    source = start(sourceDir);
    expect(await source.oauth.state(profile.id)).toMatchObject({
      signedIn: true,
      storage: 'keychain',
    });

    const exportDir = tempDir('maa-transfer-out-');
    const exported = okValue(
      await invoke(source.handlers, 'exportProfiles', { path: path.join(exportDir, 'profiles.json') }),
    );
    expect(JSON.parse(exported.contents).version).toBe(2);
    for (const leak of [TOKEN, HOME_ID, 'signedInAt', 'cacheSkeleton']) expect(exported.contents).not.toContain(leak);

    // Target: a fresh data folder. It shares this test's keychain, which makes the check stricter: the source's
    // token sits there under the same profile id, yet without the account record the target is not signed in.
    const targetDir = tempDir('maa-transfer-dst-');
    const target = start(targetDir);
    const report = okValue(await invoke(target.handlers, 'importProfiles', { path: exported.path! }));
    expect(report).toMatchObject({ status: 'imported', rejected: [] });
    expect(report.accepted.map((a) => [a.id, a.withAuth])).toEqual(
      expect.arrayContaining([
        [profile.id, true],
        [other.id, true],
      ]),
    );
    const state = await target.oauth.state(profile.id);
    expect(state).toMatchObject({
      track: 'modern-auth',
      registration: { tenant: TENANT, clientId: CLIENT, mode: 'system-browser' },
      signedIn: false,
      account: null,
    });
    expect(state.handover?.length).toBeGreaterThan(0);
    expect(await target.oauth.state(other.id)).toMatchObject({
      track: 'app-password',
      registration: null,
    });

    // A second import creates new profiles; each new id gets the registration.
    const again = okValue(await invoke(target.handlers, 'importProfiles', { contents: exported.contents }));
    const copy = again.accepted.find((a) => a.displayName === 'Postfach modern')!;
    expect(copy).toMatchObject({ idChanged: true, withAuth: true });
    expect(await target.oauth.state(copy.id)).toMatchObject({
      track: 'modern-auth',
      registration: { tenant: TENANT, clientId: CLIENT },
    });

    // After a restart the target still has it; nothing identifying or secret reached its folder.
    await stop(target);
    const restarted = start(targetDir);
    expect((await restarted.oauth.state(copy.id)).registration).toMatchObject({ clientId: CLIENT });
    expect(filesContaining(targetDir, TOKEN)).toEqual([]);
    expect(filesContaining(targetDir, HOME_ID)).toEqual([]);
    expect(filesContaining(exportDir, TOKEN)).toEqual([]);
  });
});
