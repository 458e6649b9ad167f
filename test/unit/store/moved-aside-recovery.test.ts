/**
 * Recovery without loss after store.json had to be moved aside: its readable connections come back from the notice
 * (same ids, with progress, reported entry by entry), and the keychain entries of those connections are not
 * offered for silent removal in the meantime.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { openRegistrationStore } from '@core/oauth/registration-store';
import { registrationTransfer } from '@core/oauth/registration-transfer';
import type { Notice } from '@shared/profile/notices';
import { storedProfile } from '@test/fixtures/data-documents';
import { errorOf, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import { vaultKit } from '@test/fixtures/vault-kit';
import { describe, expect, it } from 'vitest';

const at = '2026-11-20T09:00:00.000Z';
const profile = storedProfile;
const REGISTRATION = {
  tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '0b5e7b4c-1234-4abc-8def-0123456789ab',
  mode: 'system-browser',
} as const;

/** A settings file one bad entry made unreadable as a whole: two good connections (one with progress), one bad. */
const damagedStore = JSON.stringify({
  schemaVersion: 3,
  profiles: [
    profile('p-rechnung', 'Rechnungseingang'),
    profile('p-kaputt', 'Kaputter Port', { port: 'neunhundert' }),
    profile('p-support', 'Support'),
  ],
  progress: {
    'p-rechnung': {
      currentStepId: 'appPassword',
      steps: {
        securityDefaults: { status: 'done', confirmedAt: at, confirmations: [at], note: 'erledigt', updatedAt: at },
      },
    },
  },
  reports: {},
  settings: { language: 'de', windowState: null },
});

/** A data folder as the app finds it after a crash: the damaged store, a readable oauth.json, keychain entries. */
function damagedFolder() {
  const dataDir = tempDir();
  writeFileSync(path.join(dataDir, 'store.json'), damagedStore);
  const registrations = openRegistrationStore(dataDir);
  registrations.update('p-rechnung', {
    track: 'modern-auth',
    registration: REGISTRATION,
    account: { username: 'p-rechnung@contoso.example', homeAccountId: 'home-1', signedInAt: at },
  });
  const kit = vaultKit(dataDir, { authTransfer: registrationTransfer(registrations) });
  kit.keychain.entries.set('p-rechnung:app-password', 'App-Kennwort-1');
  kit.keychain.entries.set('p-support:oauth-refresh-token', 'refresh-1');
  kit.keychain.entries.set('p-weg:app-password', 'von einer geloeschten Verbindung');
  return { dataDir, kit, h: kit.services.handlers, registrations };
}

const recoveredNotice = (notices: Notice[]) => {
  const n = notices.find((x) => x.kind === 'store-recovered');
  if (n?.kind !== 'store-recovered' || !n.backupPath) throw new Error('no store-recovered notice with a backup');
  return n as Notice & { kind: 'store-recovered'; backupPath: string };
};

describe('taking over the connections of a moved-aside settings file', () => {
  it('imports the readable ones from the notice: same ids, progress, sign-in data kept, one report per entry', async () => {
    const { h, kit, registrations } = damagedFolder();
    const notice = recoveredNotice(okValue(await invoke(h, 'getNotices')));
    expect(notice).toMatchObject({ document: 'store', reason: 'schema' });
    const before = readFileSync(notice.backupPath);

    const report = okValue(await invoke(h, 'importMovedAside', { noticeId: notice.id }));
    expect(report).toMatchObject({ status: 'partial', source: 'settings', fileProblem: null });
    expect(report.accepted).toEqual([
      {
        index: 0,
        id: 'p-rechnung',
        displayName: 'Rechnungseingang',
        idChanged: false,
        withProgress: true,
        withAuth: true,
      },
      { index: 2, id: 'p-support', displayName: 'Support', idChanged: false, withProgress: false, withAuth: false },
    ]);
    expect(report.rejected).toEqual([{ index: 1, displayName: 'Kaputter Port', reasons: ['port.invalid'] }]);

    expect(okValue(await invoke(h, 'listProfiles')).map((p) => p.id)).toEqual(['p-rechnung', 'p-support']);
    const progress = kit.services.store.getProgress('p-rechnung');
    expect(progress.steps.securityDefaults).toMatchObject({ status: 'done', note: 'erledigt' });
    // The sign-in record is the one oauth.json already had: not reset by the import.
    expect(registrations.get('p-rechnung').account).toMatchObject({ homeAccountId: 'home-1' });
    // The keychain entries belong to their connections again.
    expect(okValue(await invoke(h, 'secretStatus', { profileId: 'p-rechnung', kind: 'app-password' }))).toEqual({
      saved: true,
      storage: 'keychain',
    });
    // The moved-aside file itself is never touched.
    expect(readFileSync(notice.backupPath)).toEqual(before);

    // Taking it over a second time adds no copies.
    const again = okValue(await invoke(h, 'importMovedAside', { noticeId: notice.id }));
    expect(again).toMatchObject({ status: 'rejected', fileProblem: 'no-valid-profiles' });
    expect(again.rejected.filter((r) => r.reasons.includes('already-present')).map((r) => r.index)).toEqual([0, 2]);
    expect(okValue(await invoke(h, 'listProfiles'))).toHaveLength(2);
  });

  it('the ordinary import also reads such a file (chosen by hand later), with the same report', async () => {
    const target = vaultKit();
    const report = okValue(await invoke(target.services.handlers, 'importProfiles', { contents: damagedStore }));
    expect(report).toMatchObject({ status: 'partial', source: 'settings' });
    expect(report.accepted.map((a) => [a.id, a.idChanged])).toEqual([
      ['p-rechnung', false],
      ['p-support', false],
    ]);
  });

  it('refuses notice ids that name no moved-aside settings file, changing nothing', async () => {
    const { h } = damagedFolder();
    errorOf(await invoke(h, 'importMovedAside', { noticeId: 'orphan-secrets-1' }), 'IMPORT_READ_FAILED');
    errorOf(await invoke(h, 'importMovedAside', { noticeId: 'nope' }), 'IMPORT_READ_FAILED');
    expect(okValue(await invoke(h, 'listProfiles'))).toEqual([]);
  });
});

describe('keychain entries of connections in a moved-aside file', () => {
  it('are counted and named apart, and not removed without being chosen', async () => {
    const { h, kit, dataDir } = damagedFolder();
    const notices = okValue(await invoke(h, 'getNotices'));
    expect(notices.find((n) => n.kind === 'orphan-secrets')).toMatchObject({ count: 3, inBackups: 2 });
    const backupPath = recoveredNotice(notices).backupPath;
    expect(path.dirname(backupPath)).toBe(dataDir);

    const listed = okValue(await invoke(h, 'listOrphanSecrets'));
    expect(listed).toEqual([
      {
        account: 'p-rechnung:app-password',
        profileId: 'p-rechnung',
        kind: 'app-password',
        movedAside: { file: backupPath, displayName: 'Rechnungseingang' },
      },
      {
        account: 'p-support:oauth-refresh-token',
        profileId: 'p-support',
        kind: 'oauth-refresh-token',
        movedAside: { file: backupPath, displayName: 'Support' },
      },
      { account: 'p-weg:app-password', profileId: 'p-weg', kind: 'app-password' },
    ]);

    // "Remove" without a list takes only what belongs to nothing at all.
    const removed = okValue(await invoke(h, 'removeOrphanSecrets', {}));
    expect(removed.removed).toEqual(['p-weg:app-password']);
    expect([...kit.keychain.entries.keys()].sort()).toEqual([
      'p-rechnung:app-password',
      'p-support:oauth-refresh-token',
    ]);
    expect(okValue(await invoke(h, 'getNotices')).find((n) => n.kind === 'orphan-secrets')).toMatchObject({
      count: 2,
      inBackups: 2,
    });

    // Chosen explicitly (the confirmation lists them), they go.
    const chosen = okValue(await invoke(h, 'removeOrphanSecrets', { accounts: ['p-support:oauth-refresh-token'] }));
    expect(chosen.removed).toEqual(['p-support:oauth-refresh-token']);
    expect([...kit.keychain.entries.keys()]).toEqual(['p-rechnung:app-password']);
  });

  it('stop being orphans once their connection is taken over', async () => {
    const { h } = damagedFolder();
    const notice = recoveredNotice(okValue(await invoke(h, 'getNotices')));
    okValue(await invoke(h, 'importMovedAside', { noticeId: notice.id }));
    expect(okValue(await invoke(h, 'getNotices')).find((n) => n.kind === 'orphan-secrets')).toMatchObject({
      count: 1,
      inBackups: 0,
    });
    expect(okValue(await invoke(h, 'listOrphanSecrets')).map((o) => o.account)).toEqual(['p-weg:app-password']);
  });

  it('a truncated moved-aside file still protects the connections whose ids it holds', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'store.json'), damagedStore.slice(0, 120));
    const kit = vaultKit(dataDir);
    kit.keychain.entries.set('p-rechnung:app-password', 'App-Kennwort-1');
    kit.keychain.entries.set('p-weg:app-password', 'x');
    const listed = okValue(await invoke(kit.services.handlers, 'listOrphanSecrets'));
    expect(listed.map((o) => [o.account, o.movedAside?.displayName])).toEqual([
      ['p-rechnung:app-password', null],
      ['p-weg:app-password', undefined],
    ]);
  });
});
