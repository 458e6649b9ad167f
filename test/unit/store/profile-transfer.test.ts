import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { errorOf, invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import { expectRefused, fileOf, seeded } from '@test/fixtures/transfer-kit';
import { vaultKit } from '@test/fixtures/vault-kit';
import { describe, expect, it } from 'vitest';

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
