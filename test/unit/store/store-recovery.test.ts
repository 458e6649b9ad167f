import fs, {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

import { openAppStore } from '@core/store/app-store';
import { confBackendFactory } from '@core/store/conf-backend';
import { atomicJsonBackend } from '@core/store/durable-document';
import { createVaultServices } from '@core/vault/vault-services';
import { DATA_DOCUMENT_NAMES } from '@shared/profile/notices';
import { LANGUAGES, resources } from '@shared/text/resources';
import { DOCUMENT_CASES } from '@test/fixtures/data-documents';
import { invoke, okValue, tempDir } from '@test/fixtures/ipc-kit';
import { createMemoryKeychain } from '@test/fixtures/memory-keychain';
import { describe, expect, it, vi } from 'vitest';

import { draft, NOW, writeStore } from './store-kit';

describe('the documents of the data folder', () => {
  it('each has a case in this suite and its banner texts in both languages', async () => {
    expect(DOCUMENT_CASES.map((d) => d.name).sort()).toEqual([...DATA_DOCUMENT_NAMES].sort());
    for (const lang of LANGUAGES) {
      const texts = resources[lang].notices as { documents: Record<string, { title?: string; clean?: string }> };
      // store.json's banner has its own texts (title, import); every other document names itself and its consequence.
      for (const name of DATA_DOCUMENT_NAMES.filter((n) => n !== 'store')) {
        expect(texts.documents[name]?.title, `${lang}: documents.${name}.title`).toBeTruthy();
        expect(texts.documents[name]?.clean, `${lang}: documents.${name}.clean`).toBeTruthy();
      }
    }
  });
});

describe.each(DOCUMENT_CASES)('$file: a corrupt file never stops the app and is never lost', (doc) => {
  const write = (dir: string, contents: string | Buffer) => writeFileSync(path.join(dir, doc.file), contents);
  const backupName = `${doc.name}.corrupt-2026-11-20T09-00-00-000Z.json`;
  const valid = doc.valid(['a', 'b']);
  const cases: [string, string | Buffer, string][] = [
    ['not JSON', 'this is not json', 'not-json'],
    ['truncated', valid.slice(0, valid.length - 7), 'not-json'],
    ['empty', '', 'not-json'],
    ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]), 'not-json'],
    ['schema failure', doc.schemaInvalid, 'schema'],
    ['a JSON array', '[1,2,3]', 'schema'],
    ['newer version', doc.newerVersion, 'newer-version'],
  ];

  it.each(cases)('%s → moved aside byte for byte, clean start, load event, usable', async (_name, contents, reason) => {
    const dir = tempDir();
    write(dir, contents);
    const opened = doc.open(dir, NOW);
    expect(opened.events).toEqual([
      { kind: 'recovered', document: doc.name, reason, backupPath: path.join(dir, backupName) },
    ]);
    expect(readFileSync(path.join(dir, backupName))).toEqual(Buffer.from(contents));
    expect(await opened.entries()).toEqual([]);
    await opened.add('c');
    expect(await doc.open(dir, NOW).entries()).toEqual(['c']);
  });

  it('a valid file opens without events and keeps its entries', async () => {
    const dir = tempDir();
    write(dir, valid);
    const opened = doc.open(dir, NOW);
    expect(opened.events).toEqual([]);
    expect(await opened.entries()).toEqual(['a', 'b']);
  });

  it(`one damaged entry: ${doc.keepsGoodEntries ? 'the others are kept' : 'the file moves aside as a whole'}, the original is kept`, async () => {
    const dir = tempDir();
    write(dir, doc.oneBadEntry);
    const opened = doc.open(dir, NOW);
    expect(opened.events).toEqual([
      {
        kind: 'recovered',
        document: doc.name,
        reason: 'schema',
        backupPath: path.join(dir, backupName),
        ...(doc.keepsGoodEntries ? { salvaged: { kept: 1, dropped: 1 } } : {}),
      },
    ]);
    expect(readFileSync(path.join(dir, backupName), 'utf8')).toBe(doc.oneBadEntry);
    expect(await opened.entries()).toEqual(doc.keepsGoodEntries ? ['good'] : []);
    // What was kept is on disk now, so the next start sees the same without another notice.
    const again = doc.open(dir, NOW);
    expect(again.events).toEqual([]);
    expect(await again.entries()).toEqual(doc.keepsGoodEntries ? ['good'] : []);
  });

  it('a huge file is moved aside without being read', async () => {
    const dir = tempDir();
    const fd = openSync(path.join(dir, doc.file), 'w');
    ftruncateSync(fd, 70 * 1024 * 1024); // sparse: no real disk use, above every document's cap
    closeSync(fd);
    const opened = doc.open(dir, NOW);
    expect(opened.events).toEqual([
      { kind: 'recovered', document: doc.name, reason: 'too-large', backupPath: path.join(dir, backupName) },
    ]);
    expect(statSync(path.join(dir, backupName)).size).toBe(70 * 1024 * 1024);
    expect(await opened.entries()).toEqual([]);
  });

  it('a folder where the file should be is moved aside too', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, doc.file));
    const opened = doc.open(dir, NOW);
    expect(opened.events).toEqual([
      { kind: 'recovered', document: doc.name, reason: 'unreadable', backupPath: path.join(dir, backupName) },
    ]);
    await opened.add('c');
    expect(statSync(path.join(dir, doc.file)).isFile()).toBe(true);
  });

  it('two recoveries in the same millisecond keep both backups', () => {
    const dir = tempDir();
    write(dir, 'first');
    doc.open(dir, NOW);
    write(dir, 'second');
    doc.open(dir, NOW);
    const backups = readdirSync(dir)
      .filter((f) => f.startsWith(`${doc.name}.corrupt-`))
      .sort();
    expect(backups).toEqual([backupName.replace('.json', '-1.json'), backupName]);
    expect(readFileSync(path.join(dir, backups[0]!), 'utf8')).toBe('second');
  });
});

describe('corrupt files through the app', () => {
  it('a store.json recovery is a notice with the backup path', async () => {
    const dir = tempDir();
    writeStore(dir, 'this is not json');
    const services = createVaultServices({ dataDir: dir, keychain: createMemoryKeychain(), now: () => NOW });
    expect(okValue(await invoke(services.handlers, 'getNotices'))).toEqual([
      expect.objectContaining({
        kind: 'store-recovered',
        document: 'store',
        reason: 'not-json',
        backupPath: path.join(dir, 'store.corrupt-2026-11-20T09-00-00-000Z.json'),
      }),
    ]);
    okValue(await invoke(services.handlers, 'createProfile', { displayName: 'Neu' }));
    expect(JSON.parse(readFileSync(path.join(dir, 'store.json'), 'utf8')).profiles).toHaveLength(1);
  });

  it('recoveries of the other documents become notices too, salvage counts included', async () => {
    const dir = tempDir();
    const [oauth, retest] = DOCUMENT_CASES.filter((d) => d.name !== 'store');
    writeFileSync(path.join(dir, oauth!.file), oauth!.oneBadEntry);
    writeFileSync(path.join(dir, retest!.file), '{"version": 1, "sta');
    const documentEvents = [...oauth!.open(dir, NOW).events, ...retest!.open(dir, NOW).events];
    const services = createVaultServices({
      dataDir: dir,
      keychain: createMemoryKeychain(),
      now: () => NOW,
      documentEvents,
    });
    expect(okValue(await invoke(services.handlers, 'getNotices'))).toEqual([
      expect.objectContaining({
        kind: 'store-recovered',
        document: 'oauth',
        reason: 'schema',
        salvaged: { kept: 1, dropped: 1 },
      }),
      expect.objectContaining({ kind: 'store-recovered', document: 'retest', reason: 'not-json' }),
    ]);
  });

  it('conf alone would throw on such a file: this is what the store guards against', () => {
    const dir = tempDir();
    writeStore(dir, '{"truncated": ');
    expect(() => confBackendFactory({ cwd: dir, name: 'store' })).toThrow(SyntaxError);
  });

  it('a file that could not be moved aside is never written over', () => {
    const dir = tempDir();
    writeStore(dir, '{"broken":');
    // The folder refuses the rename but not the write (as a sticky folder of another owner would).
    const file = path.join(dir, 'store.json');
    const realRename = fs.renameSync;
    const renameSpy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (from === file) throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
      realRename(from, to);
    });
    syncBuiltinESMExports();
    try {
      const store = openAppStore({ dataDir: dir, now: () => NOW, backend: atomicJsonBackend });
      expect(store.loadEvents).toEqual([
        { kind: 'recovered', document: 'store', reason: 'not-json', backupPath: null },
      ]);
      expect(() => store.createProfile(draft)).toThrow(
        expect.objectContaining({
          code: 'STORE_WRITE_FAILED',
          details: expect.objectContaining({ cause: 'NOT_SET_ASIDE' }),
        }),
      );
    } finally {
      renameSpy.mockRestore();
      syncBuiltinESMExports();
    }
    expect(readFileSync(path.join(dir, 'store.json'), 'utf8')).toBe('{"broken":');
  });
});
