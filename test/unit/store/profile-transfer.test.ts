import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Handlers } from '@core/ipc/handlers';
import { openRegistrationStore, type RegistrationStore } from '@core/oauth/registration-store';
import { registrationTransfer } from '@core/oauth/registration-transfer';
import type { AuthTransferPort } from '@core/store/transfer-types';
import { errorOf, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import { vaultKit } from '@test/fixtures/vault-kit';
import { describe, expect, it } from 'vitest';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0b5e7b4c-1234-4abc-8def-0123456789ab';
const CANARY = 'REFRESH-CANARY-0.AXoAv4j5cvGGr0GRqy180BHbR';

/** Vault services whose export/import carries the sign-in track through a real oauth.json in the same data dir. */
function kitWithAuth(port?: (registrations: RegistrationStore) => AuthTransferPort) {
  const dataDir = tempDir();
  const registrations = openRegistrationStore(dataDir);
  const kit = vaultKit(dataDir, { authTransfer: (port ?? registrationTransfer)(registrations) });
  return { kit, h: kit.services.handlers, registrations, oauthFile: path.join(dataDir, 'oauth.json') };
}

async function seeded() {
  const kit = vaultKit();
  const h = kit.services.handlers;
  const a = okValue(
    await invoke(h, 'createProfile', {
      displayName: 'Rechnungen',
      mailboxUser: 'rechnung@contoso.de',
      tenantLabel: 'Contoso',
    }),
  );
  const b = okValue(
    await invoke(h, 'createProfile', {
      displayName: 'Support',
      host: 'imap.example.org',
      port: 143,
      security: 'starttls',
    }),
  );
  kit.services.store.applyStepAction(a.id, 'securityDefaults', { action: 'confirm', note: 'erledigt' });
  return { kit, h, a, b };
}

const fileOf = (profiles: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'mailadapter-assistant/profiles',
    version: 1,
    exportedAt: '2026-11-20T09:00:00.000Z',
    profiles,
    ...extra,
  });

/** The store file must be byte-identical after a refused import. */
async function expectRefused(h: Partial<Handlers>, storeFile: string, contents: string, fileProblem: string) {
  const before = readFileSync(storeFile);
  const report = okValue(await invoke(h, 'importProfiles', { contents }));
  expect(report).toMatchObject({ status: 'rejected', fileProblem, accepted: [] });
  expect(readFileSync(storeFile)).toEqual(before);
  return report;
}

describe('export', () => {
  it('exports profiles with progress and moves them to another machine, ids and progress intact', async () => {
    const { h, a, b } = await seeded();
    const exported = okValue(await invoke(h, 'exportProfiles', {}));
    expect(exported).toMatchObject({ fileName: 'mailadapter-profiles-2026-11-20.json', path: null, count: 2 });

    const target = vaultKit();
    const report = okValue(await invoke(target.services.handlers, 'importProfiles', { contents: exported.contents }));
    expect(report).toMatchObject({ status: 'imported', fileProblem: null, rejected: [] });
    expect(report.accepted.map((x) => [x.id, x.idChanged, x.withProgress])).toEqual([
      [a.id, false, true],
      [b.id, false, false],
    ]);
    expect(okValue(await invoke(target.services.handlers, 'getProfile', { id: b.id }))).toMatchObject({
      displayName: 'Support',
      host: 'imap.example.org',
      port: 143,
      security: 'starttls',
    });
    expect(target.services.store.getProgress(a.id).steps.securityDefaults).toMatchObject({
      status: 'done',
      note: 'erledigt',
    });

    // Importing the same file again gives new ids instead of overwriting.
    const again = okValue(await invoke(target.services.handlers, 'importProfiles', { contents: exported.contents }));
    expect(again.accepted.every((x) => x.idChanged && x.id !== a.id && x.id !== b.id)).toBe(true);
    expect(okValue(await invoke(target.services.handlers, 'listProfiles'))).toHaveLength(4);
  });

  it('writes to a chosen .json path, but never into the data folder or to odd paths', async () => {
    const { kit, h, a } = await seeded();
    const outDir = tempDir('maa-export-');
    const target = path.join(outDir, 'profile.json');
    const result = okValue(await invoke(h, 'exportProfiles', { path: target, profileIds: [a.id] }));
    expect(result).toMatchObject({ path: target, count: 1 });
    expect(JSON.parse(readFileSync(target, 'utf8')).profiles.map((p: { id: string }) => p.id)).toEqual([a.id]);

    const storeBefore = readFileSync(kit.services.store.filePath);
    mkdirSync(path.join(outDir, 'folder.json'));
    for (const bad of [
      path.join(kit.dataDir, 'store.json'),
      path.join(kit.dataDir, 'export.json'),
      'relative/export.json',
      path.join(outDir, 'export.txt'),
      path.join(outDir, 'missing-dir', 'x.json'),
      path.join(outDir, 'folder.json'),
      path.join(outDir, '..', path.basename(outDir), '..', path.basename(kit.dataDir), 'sneaky.json'),
    ]) {
      errorOf(await invoke(h, 'exportProfiles', { path: bad }), 'EXPORT_PATH_INVALID');
    }
    expect(readFileSync(kit.services.store.filePath)).toEqual(storeBefore);
    // A subfolder of the data folder (where the harness's save dialog points) is fine.
    mkdirSync(path.join(kit.dataDir, 'exports'));
    okValue(await invoke(h, 'exportProfiles', { path: path.join(kit.dataDir, 'exports', 'p.json') }));
  });

  it('asks the host for a save path when told to, and respects a cancelled dialog', async () => {
    const outDir = tempDir('maa-export-');
    let answer: string | null = path.join(outDir, 'chosen.json');
    const asked: [string, unknown][] = [];
    const kit = vaultKit(undefined, {
      platform: { chooseSavePath: async (name, filters) => (asked.push([name, filters]), answer) },
    });
    const h = kit.services.handlers;
    okValue(await invoke(h, 'createProfile', { displayName: 'P' }));
    expect(okValue(await invoke(h, 'exportProfiles', { dialog: true }))).toMatchObject({ path: answer, count: 1 });
    expect(asked).toEqual([['mailadapter-profiles-2026-11-20.json', [{ name: 'JSON', extensions: ['json'] }]]]);
    expect(JSON.parse(readFileSync(answer!, 'utf8')).profiles).toHaveLength(1);
    answer = null;
    expect(okValue(await invoke(h, 'exportProfiles', { dialog: true }))).toMatchObject({ path: null, cancelled: true });
    errorOf(await invoke(vaultKit().services.handlers, 'exportProfiles', { dialog: true }), 'EXPORT_PATH_INVALID');
  });
});

describe('import of malformed or hostile files', () => {
  it('refuses files over 10 MiB, as contents or as a path, without touching the store', async () => {
    const { kit, h } = await seeded();
    const storeFile = kit.services.store.filePath;
    const big = fileOf([{ displayName: 'x', padding: 'x'.repeat(10 * 1024 * 1024) }]);
    await expectRefused(h, storeFile, big, 'too-large');

    const file = path.join(tempDir('maa-import-'), 'big.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 10 * 1024 * 1024 + 1);
    closeSync(fd);
    const before = readFileSync(storeFile);
    expect(okValue(await invoke(h, 'importProfiles', { path: file }))).toMatchObject({
      status: 'rejected',
      fileProblem: 'too-large',
    });
    expect(readFileSync(storeFile)).toEqual(before);
  });

  it('refuses non-JSON, truncated, foreign and future-format files', async () => {
    const { kit, h } = await seeded();
    const storeFile = kit.services.store.filePath;
    await expectRefused(h, storeFile, 'not json at all', 'not-json');
    await expectRefused(h, storeFile, fileOf([{ displayName: 'x' }]).slice(0, 40), 'not-json');
    await expectRefused(h, storeFile, '[]', 'wrong-format');
    await expectRefused(h, storeFile, JSON.stringify({ profiles: [{ displayName: 'x' }] }), 'wrong-format');
    await expectRefused(h, storeFile, fileOf('nope' as never), 'wrong-format');
    await expectRefused(h, storeFile, fileOf([], { version: 3 }), 'unsupported-version');
    await expectRefused(h, storeFile, fileOf([], { version: 0 }), 'unsupported-version');
    await expectRefused(
      h,
      storeFile,
      fileOf(Array.from({ length: 1001 }, () => ({ displayName: 'x' }))),
      'too-many-profiles',
    );
    errorOf(await invoke(h, 'importProfiles', { path: path.join(tempDir(), 'missing.json') }), 'IMPORT_READ_FAILED');
  });

  it('rejects profiles with wrong types one by one and reports why', async () => {
    const { kit, h } = await seeded();
    const report = okValue(
      await invoke(h, 'importProfiles', {
        contents: fileOf([
          { displayName: 'Gut', mailboxUser: 'gut@contoso.de', appPassword: 'never-stored' },
          { displayName: 42 },
          { displayName: 'Port als Text', port: '993' },
          { displayName: 'Kaputte Adresse', mailboxUser: 'nicht-gut' },
          'a string',
          null,
          { displayName: 'Kaputter Fortschritt', progress: { steps: { start: { status: 'maybe' } } } },
        ]),
      }),
    );
    expect(report.status).toBe('partial');
    expect(report.accepted.map((x) => x.displayName)).toEqual(['Gut']);
    expect(report.rejected).toEqual([
      { index: 1, displayName: null, reasons: ['displayName.required'] },
      { index: 2, displayName: 'Port als Text', reasons: ['port.invalid'] },
      { index: 3, displayName: 'Kaputte Adresse', reasons: ['mailboxUser.notEmail'] },
      { index: 4, displayName: null, reasons: ['not-an-object'] },
      { index: 5, displayName: null, reasons: ['not-an-object'] },
      {
        index: 6,
        displayName: 'Kaputter Fortschritt',
        reasons: expect.arrayContaining([expect.stringMatching(/^progress\./)]),
      },
    ]);
    // Unknown fields (like a password someone added by hand) are never stored.
    expect(readFileSync(kit.services.store.filePath, 'utf8')).not.toContain('never-stored');
  });

  it('refuses prototype-pollution keys: the whole file at top level, single profiles inside', async () => {
    const { kit, h } = await seeded();
    const storeFile = kit.services.store.filePath;
    const top = `{"format":"mailadapter-assistant/profiles","version":1,"__proto__":{"polluted":true},"profiles":[{"displayName":"x"}]}`;
    await expectRefused(h, storeFile, top, 'forbidden-key');
    await expectRefused(
      h,
      storeFile,
      fileOf([{ displayName: 'x' }], { constructor: { prototype: { polluted: true } } }),
      'forbidden-key',
    );

    const inside = fileOf([
      { displayName: 'Sauber' },
      JSON.parse('{"displayName":"Proto","__proto__":{"polluted":true}}'),
      {
        displayName: 'Konstruktor',
        progress: { currentStepId: null, steps: { constructor: { prototype: { polluted: true } } } },
      },
      { displayName: 'Prototyp', prototype: 1 },
    ]);
    expect(inside).toContain('"__proto__"');
    const report = okValue(await invoke(h, 'importProfiles', { contents: inside }));
    expect(report.accepted.map((x) => x.displayName)).toEqual(['Sauber']);
    expect(report.rejected.map((r) => [r.displayName, r.reasons])).toEqual([
      ['Proto', ['forbidden-key']],
      ['Konstruktor', ['forbidden-key']],
      ['Prototyp', ['forbidden-key']],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a file whose every profile is invalid changes nothing', async () => {
    const { kit, h } = await seeded();
    const report = await expectRefused(
      h,
      kit.services.store.filePath,
      fileOf([{ displayName: '' }, { port: 1 }]),
      'no-valid-profiles',
    );
    expect(report.rejected).toHaveLength(2);
    expect(okValue(await invoke(h, 'listProfiles'))).toHaveLength(2);
  });

  it('reads an import file from a path', async () => {
    const { h } = await seeded();
    const file = path.join(tempDir('maa-import-'), 'in.json');
    writeFileSync(file, fileOf([{ displayName: 'Vom Pfad' }]));
    expect(okValue(await invoke(h, 'importProfiles', { path: file }))).toMatchObject({
      status: 'imported',
      accepted: [{ displayName: 'Vom Pfad' }],
    });
  });
});

describe('sign-in track in export and import (format version 2)', () => {
  async function signedInSource() {
    const src = kitWithAuth();
    const a = okValue(await invoke(src.h, 'createProfile', { displayName: 'Modern', mailboxUser: 'imap@contoso.de' }));
    const b = okValue(await invoke(src.h, 'createProfile', { displayName: 'Klassisch' }));
    const c = okValue(await invoke(src.h, 'createProfile', { displayName: 'Unentschieden' }));
    src.registrations.update(a.id, {
      track: 'modern-auth',
      registration: { tenant: TENANT, clientId: CLIENT, mode: 'embedded' },
      account: {
        username: 'signed.in@contoso.de',
        homeAccountId: `home-oid-4711.${TENANT}`,
        signedInAt: '2026-11-20T08:00:00.000Z',
      },
      cacheSkeleton: JSON.stringify({
        Account: { k: { home_account_id: 'home-oid-4711' } },
        RefreshToken: { r: { secret: '' } },
        note: CANARY,
      }),
    });
    src.registrations.update(b.id, { track: 'app-password' });
    return { src, a, b, c };
  }

  it('exports track and registration only — no account, no token skeleton — and restores them on another machine', async () => {
    const { src, a, b, c } = await signedInSource();
    const exported = okValue(await invoke(src.h, 'exportProfiles', {}));
    const file = JSON.parse(exported.contents) as { version: number; profiles: { id: string; auth?: unknown }[] };
    expect(file.version).toBe(2);
    const authById = Object.fromEntries(file.profiles.map((p) => [p.id, p.auth]));
    expect(authById).toEqual({
      [a.id]: { track: 'modern-auth', registration: { tenant: TENANT, clientId: CLIENT, mode: 'embedded' } },
      [b.id]: { track: 'app-password', registration: null },
      [c.id]: undefined,
    });
    for (const leak of ['home-oid-4711', 'signed.in@contoso.de', 'signedInAt', 'cacheSkeleton', CANARY])
      expect(exported.contents).not.toContain(leak);

    const dst = kitWithAuth();
    const report = okValue(await invoke(dst.h, 'importProfiles', { contents: exported.contents }));
    expect(report).toMatchObject({ status: 'imported', rejected: [] });
    expect(report.accepted.map((x) => [x.displayName, x.withAuth])).toEqual([
      ['Modern', true],
      ['Klassisch', true],
      ['Unentschieden', false],
    ]);
    expect(dst.registrations.get(a.id)).toEqual({
      track: 'modern-auth',
      registration: { tenant: TENANT, clientId: CLIENT, mode: 'embedded' },
      account: null,
      cacheSkeleton: null,
    });
    expect(dst.registrations.get(b.id)).toMatchObject({ track: 'app-password', registration: null });
    // Survives a restart: it is in the target's oauth.json.
    expect(openRegistrationStore(path.dirname(dst.oauthFile)).get(a.id).registration).toEqual({
      tenant: TENANT,
      clientId: CLIENT,
      mode: 'embedded',
    });

    // Imported again, the profiles get new ids — and the registration follows them there.
    const again = okValue(await invoke(dst.h, 'importProfiles', { contents: exported.contents }));
    const modern = again.accepted.find((x) => x.displayName === 'Modern')!;
    expect(modern).toMatchObject({ idChanged: true, withAuth: true });
    expect(dst.registrations.get(modern.id).registration).toEqual({
      tenant: TENANT,
      clientId: CLIENT,
      mode: 'embedded',
    });
    expect(readFileSync(dst.oauthFile, 'utf8')).not.toContain('home-oid-4711');
  });

  it('refuses hostile sign-in values, keeps the profile, and lists what it dropped', async () => {
    const dst = kitWithAuth();
    const reg = (over: Record<string, unknown>) => ({
      tenant: TENANT,
      clientId: CLIENT,
      mode: 'system-browser',
      ...over,
    });
    const contents = fileOf(
      [
        { displayName: 'Alias', auth: { track: 'modern-auth', registration: reg({ tenant: 'common' }) } },
        {
          displayName: 'URL',
          auth: { track: 'modern-auth', registration: reg({ tenant: 'https://evil.example/phish' }) },
        },
        {
          displayName: 'Skript',
          auth: { track: 'modern-auth', registration: reg({ tenant: '<img src=x onerror=alert(1)>' }) },
        },
        {
          displayName: 'Keine GUID',
          auth: { track: 'modern-auth', registration: reg({ clientId: 'javascript:alert(1)' }) },
        },
        { displayName: 'Doppelt', auth: { track: 'modern-auth', registration: reg({ clientId: TENANT }) } },
        { displayName: 'Spur', auth: { track: 'root-shell', registration: null } },
        { displayName: 'Modus', auth: { track: 'modern-auth', registration: reg({ mode: 'remote-desktop' }) } },
        { displayName: 'Typ', auth: { track: 'modern-auth', registration: 'tenant=contoso' } },
        { displayName: 'Liste', auth: ['modern-auth'] },
        {
          displayName: 'Riesig',
          auth: { track: 'modern-auth', registration: reg({ tenant: `${'a'.repeat(5000)}.com` }) },
        },
        // Extra fields (a token pasted in by hand) are dropped; the valid rest is taken.
        {
          displayName: 'Mit Token',
          auth: {
            track: 'modern-auth',
            registration: reg({ tenant: 'Contoso.OnMicrosoft.com' }),
            refreshToken: CANARY,
          },
        },
        JSON.parse(
          `{"displayName":"Proto","auth":{"track":"modern-auth","registration":{"__proto__":{"polluted":true}}}}`,
        ),
      ],
      { version: 2 },
    );
    const report = okValue(await invoke(dst.h, 'importProfiles', { contents }));
    expect(report.status).toBe('partial');
    const accepted = Object.fromEntries(report.accepted.map((x) => [x.displayName, x.withAuth]));
    expect(accepted).toEqual({
      Alias: false,
      URL: false,
      Skript: false,
      'Keine GUID': false,
      Doppelt: false,
      Spur: false,
      Modus: false,
      Typ: false,
      Liste: false,
      Riesig: false,
      'Mit Token': true,
    });
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.displayName, [r.part, r.reasons]]));
    expect(reasons).toMatchObject({
      Alias: ['auth', ['tenant.alias']],
      URL: ['auth', ['tenant.invalid']],
      Skript: ['auth', ['tenant.invalid']],
      'Keine GUID': ['auth', ['clientId.invalid']],
      Doppelt: ['auth', ['clientId.sameAsTenant']],
      Spur: ['auth', [expect.stringMatching(/^auth\.track: /)]],
      Modus: ['auth', [expect.stringMatching(/^auth\.registration\.mode: /)]],
      Typ: ['auth', [expect.stringMatching(/^auth\.registration: /)]],
      Liste: ['auth', [expect.stringMatching(/^auth: /)]],
      Riesig: ['auth', ['tenant.invalid']],
      // A prototype-reaching key anywhere in a profile refuses the whole profile, as before.
      Proto: [undefined, ['forbidden-key']],
    });
    const token = report.accepted.find((x) => x.displayName === 'Mit Token')!;
    expect(dst.registrations.get(token.id)).toMatchObject({ registration: { tenant: 'contoso.onmicrosoft.com' } });
    const written = readFileSync(dst.oauthFile, 'utf8');
    for (const bad of [CANARY, 'evil.example', 'onerror', 'javascript:', 'root-shell', 'remote-desktop', 'polluted'])
      expect(written).not.toContain(bad);
    // Only the profile whose sign-in data passed has an entry.
    expect(Object.keys(JSON.parse(written).profiles)).toEqual([token.id]);
  });

  it('still imports version 1 files; whatever they hold under "auth" is ignored', async () => {
    const dst = kitWithAuth();
    const contents = fileOf([
      { displayName: 'Alt', mailboxUser: 'alt@contoso.de', progress: { currentStepId: null, steps: {} } },
      {
        displayName: 'Alt mit auth',
        auth: { track: 'modern-auth', registration: { tenant: TENANT, clientId: CLIENT } },
      },
    ]);
    expect(JSON.parse(contents).version).toBe(1);
    const report = okValue(await invoke(dst.h, 'importProfiles', { contents }));
    expect(report).toMatchObject({ status: 'imported', rejected: [] });
    expect(report.accepted.map((x) => [x.displayName, x.withProgress, x.withAuth])).toEqual([
      ['Alt', true, false],
      ['Alt mit auth', false, false],
    ]);
    for (const x of report.accepted)
      expect(dst.registrations.get(x.id)).toMatchObject({ track: null, registration: null });
  });

  it('an import clears sign-in data left under a reused id, and reports sign-in data it could not write', async () => {
    const dst = kitWithAuth();
    // Left over from an earlier profile with this id (e.g. deleted while oauth.json could not be written).
    dst.registrations.update('kept-id', {
      track: 'modern-auth',
      registration: { tenant: TENANT, clientId: CLIENT, mode: 'system-browser' },
    });
    okValue(
      await invoke(dst.h, 'importProfiles', {
        contents: fileOf([{ id: 'kept-id', displayName: 'Ohne' }], { version: 2 }),
      }),
    );
    expect(dst.registrations.get('kept-id')).toMatchObject({ track: null, registration: null });

    const failing = kitWithAuth((r) => ({
      ...registrationTransfer(r),
      restore: () => {
        throw new Error('ENOSPC');
      },
    }));
    const contents = fileOf(
      [
        { displayName: 'Mit', auth: { track: 'modern-auth', registration: { tenant: TENANT, clientId: CLIENT } } },
        { displayName: 'Ohne' },
      ],
      { version: 2 },
    );
    const report = okValue(await invoke(failing.h, 'importProfiles', { contents }));
    expect(report.status).toBe('partial');
    expect(report.accepted.map((x) => [x.displayName, x.withAuth])).toEqual([
      ['Mit', false],
      ['Ohne', false],
    ]);
    expect(report.rejected).toEqual([{ index: 0, displayName: 'Mit', reasons: ['auth.notSaved'], part: 'auth' }]);
    expect(okValue(await invoke(failing.h, 'listProfiles'))).toHaveLength(2);
  });

  it('without the sign-in track wired, exports carry no auth and imports ignore it', async () => {
    const { h } = await seeded();
    const exported = okValue(await invoke(h, 'exportProfiles', {}));
    expect(exported.contents).not.toContain('"auth"');
    const report = okValue(
      await invoke(h, 'importProfiles', {
        contents: fileOf([{ displayName: 'X', auth: { track: 'root-shell' } }], { version: 2 }),
      }),
    );
    expect(report).toMatchObject({ status: 'imported', rejected: [], accepted: [{ withAuth: false }] });
  });
});
