import { readFileSync, statSync } from 'node:fs';

import { createAppHandlers } from '@core/app/app-handlers';
import { createVaultServices } from '@core/vault/vault-services';
import { errorOf, invoke, okValue } from '@test/fixtures/ipc-kit';
import { createMemoryKeychain } from '@test/fixtures/memory-keychain';
import { vaultKit } from '@test/fixtures/vault-kit';
import { describe, expect, it } from 'vitest';

import { draft } from './store-kit';

const issuesOf = (details: unknown) => (details as { issues: { path: string[]; message: string }[] }).issues;

describe('profiles', () => {
  it('creates with defaults, persists atomically to a private file, and survives a restart', async () => {
    const kit = vaultKit();
    const h = kit.services.handlers;
    const created = okValue(
      await invoke(h, 'createProfile', { displayName: '  Posteingang Rechnungen ', tenantLabel: 'Contoso GmbH' }),
    );
    expect(created).toMatchObject({
      displayName: 'Posteingang Rechnungen',
      tenantLabel: 'Contoso GmbH',
      mailboxUser: '',
      host: 'outlook.office365.com',
      port: 993,
      security: 'tls',
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
    });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const file = kit.services.store.filePath;
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ schemaVersion: 3, profiles: [{ id: created.id }] });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const reopened = createVaultServices({ dataDir: kit.dataDir, keychain: createMemoryKeychain() });
    expect(okValue(await invoke(reopened.handlers, 'getProfile', { id: created.id }))).toEqual(created);
  });

  it('validates fields with field-specific codes', async () => {
    const h = vaultKit().services.handlers;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ displayName: '   ' }, 'displayName', 'displayName.required'],
      [{ displayName: 'x'.repeat(81) }, 'displayName', 'displayName.tooLong'],
      [{ displayName: 'a\nb' }, 'displayName', 'displayName.invalidChars'],
      [{ displayName: 'ok', mailboxUser: 'kein-at-zeichen' }, 'mailboxUser', 'mailboxUser.notEmail'],
      [{ displayName: 'ok', mailboxUser: 'a b@contoso.de' }, 'mailboxUser', 'mailboxUser.notEmail'],
      [{ displayName: 'ok', mailboxUser: `${'a'.repeat(65)}@contoso.de` }, 'mailboxUser', 'mailboxUser.tooLong'],
      [{ displayName: 'ok', host: 'https://outlook.office365.com/' }, 'host', 'host.invalid'],
      [{ displayName: 'ok', port: '993' }, 'port', 'port.invalid'],
      [{ displayName: 'ok', port: 70000 }, 'port', 'port.invalid'],
      [{ displayName: 'ok', security: 'none' }, 'security', 'security.invalid'],
    ];
    for (const [input, field, code] of cases) {
      const err = errorOf(await invoke(h, 'createProfile', input as never), 'INPUT_INVALID');
      expect(issuesOf(err.details), JSON.stringify(input)).toContainEqual({ path: [field], message: code });
    }
    expect(okValue(await invoke(h, 'listProfiles'))).toEqual([]);
  });

  it('accepts real-world addresses and hosts', async () => {
    const h = vaultKit().services.handlers;
    for (const [mailboxUser, host] of [
      ['rechnung@contoso.onmicrosoft.com', 'outlook.office365.com'],
      ['jürgen.müller@bücher.de', '10.0.0.5'],
      ['first.last+tag@sub.example.co.uk', '::1'],
    ]) {
      okValue(await invoke(h, 'createProfile', { displayName: 'ok', mailboxUser, host }));
    }
  });

  it('updates, renames (bumping updatedAt) and lists sorted by name, umlauts included', async () => {
    const kit = vaultKit();
    const h = kit.services.handlers;
    const b = okValue(await invoke(h, 'createProfile', { displayName: 'Zentrale' }));
    okValue(await invoke(h, 'createProfile', { displayName: 'Änderungen' }));
    okValue(await invoke(h, 'createProfile', { displayName: 'buchhaltung' }));
    kit.advance(60_000);
    const renamed = kit.services.store.updateProfile(b.id, { displayName: 'Archiv' });
    expect(renamed).toMatchObject({
      displayName: 'Archiv',
      createdAt: b.createdAt,
      updatedAt: '2026-11-20T09:01:00.000Z',
    });
    const updated = kit.services.store.updateProfile(b.id, { port: 143, security: 'starttls' });
    expect(updated).toMatchObject({ displayName: 'Archiv', port: 143, security: 'starttls' });
    expect(okValue(await invoke(h, 'listProfiles')).map((p) => p.displayName)).toEqual([
      'Änderungen',
      'Archiv',
      'buchhaltung',
    ]);
    // The id is not a field: a patch cannot move a profile to another id.
    expect(kit.services.store.updateProfile(b.id, { id: 'other' } as never).id).toBe(b.id);
    expect(() => kit.services.store.updateProfile('missing', { displayName: 'x' })).toThrow(
      expect.objectContaining({ code: 'PROFILE_NOT_FOUND' }),
    );
  });

  it('rejects prototype-reaching ids', async () => {
    const h = vaultKit().services.handlers;
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      errorOf(await invoke(h, 'getProfile', { id }), 'INPUT_INVALID');
    }
  });
});

describe('wizard progress', () => {
  it('confirms with a timestamp, keeps history on undo, flags attention and notes', async () => {
    const kit = vaultKit();
    const h = kit.services.handlers;
    const { store } = kit.services;
    const p = okValue(await invoke(h, 'createProfile', { displayName: 'P' }));
    expect(store.getProgress(p.id)).toEqual({ currentStepId: null, steps: {} });

    let progress = store.applyStepAction(p.id, 'securityDefaults', { action: 'confirm', note: 'via Entra' });
    expect(progress.steps.securityDefaults).toEqual({
      status: 'done',
      confirmedAt: '2026-11-20T09:00:00.000Z',
      confirmations: ['2026-11-20T09:00:00.000Z'],
      note: 'via Entra',
      updatedAt: '2026-11-20T09:00:00.000Z',
    });
    kit.advance(3_600_000);
    progress = store.applyStepAction(p.id, 'securityDefaults', { action: 'undo' });
    expect(progress.steps.securityDefaults).toMatchObject({
      status: 'open',
      confirmedAt: null,
      confirmations: ['2026-11-20T09:00:00.000Z'],
    });
    kit.advance(60_000);
    progress = store.applyStepAction(p.id, 'securityDefaults', { action: 'confirm' });
    expect(progress.steps.securityDefaults).toMatchObject({
      status: 'done',
      confirmedAt: '2026-11-20T10:01:00.000Z',
      confirmations: ['2026-11-20T09:00:00.000Z', '2026-11-20T10:01:00.000Z'],
      note: 'via Entra',
    });
    progress = store.applyStepAction(p.id, 'test', { action: 'attention', note: 'NO LOGIN failed.' });
    expect(progress.steps.test).toMatchObject({ status: 'attention', note: 'NO LOGIN failed.', confirmedAt: null });
    progress = store.setCurrentStep(p.id, 'perUserMfa');
    expect(progress.currentStepId).toBe('perUserMfa');

    const reopened = createVaultServices({ dataDir: kit.dataDir, keychain: createMemoryKeychain() });
    expect(reopened.store.getProgress(p.id)).toEqual(progress);
  });

  it('caps the confirmation history and refuses bad step ids and notes', async () => {
    const { store, handlers } = vaultKit().services;
    const p = okValue(await invoke(handlers, 'createProfile', { displayName: 'P' }));
    for (let i = 0; i < 15; i++) store.applyStepAction(p.id, 'start', { action: 'confirm' });
    expect(store.getProgress(p.id).steps.start!.confirmations).toHaveLength(10);
    for (const stepId of ['__proto__', 'constructor', '1abc', 'a b']) {
      expect(() => store.applyStepAction(p.id, stepId, { action: 'confirm' })).toThrow(/stepId\.invalid/);
    }
    expect(() => store.applyStepAction(p.id, 'start', { action: 'note', note: 'x'.repeat(2001) })).toThrow(
      /note\.tooLong/,
    );
    expect(() => store.getProgress('missing')).toThrow(expect.objectContaining({ code: 'PROFILE_NOT_FOUND' }));
  });

  it('deleting a profile removes its progress and reports from the file', async () => {
    const kit = vaultKit();
    const h = kit.services.handlers;
    const p = okValue(await invoke(h, 'createProfile', { displayName: 'P' }));
    kit.services.store.applyStepAction(p.id, 'start', { action: 'confirm' });
    kit.services.recordReport(p.id, { ok: true });
    await kit.services.deleteProfile(p.id);
    const onDisk = JSON.parse(readFileSync(kit.services.store.filePath, 'utf8'));
    expect(onDisk).toMatchObject({ profiles: [], progress: {}, reports: {} });
  });
});

describe('test reports', () => {
  it('keeps the newest 20 per profile as passthrough JSON', async () => {
    const kit = vaultKit();
    const h = kit.services.handlers;
    const p = okValue(await invoke(h, 'createProfile', { displayName: 'P' }));
    for (let i = 0; i < 25; i++) {
      kit.advance(1000);
      kit.services.recordReport(p.id, { n: i, outcome: { code: 'AUTH_FAILED', lines: ['NO LOGIN failed.'] } });
    }
    const reports = kit.services.store.listReports(p.id);
    expect(reports).toHaveLength(20);
    expect(reports.map((r) => (r.report as { n: number }).n)).toEqual([...Array(20).keys()].map((i) => i + 5));
    expect(reports[19]).toEqual({
      recordedAt: '2026-11-20T09:00:25.000Z',
      report: { n: 24, outcome: { code: 'AUTH_FAILED', lines: ['NO LOGIN failed.'] } },
    });
  });

  it('refuses oversized or non-JSON reports and reports for unknown profiles', async () => {
    const kit = vaultKit();
    const p = kit.services.store.createProfile(draft);
    expect(() => kit.services.recordReport(p.id, { blob: 'x'.repeat(300 * 1024) })).toThrow(
      expect.objectContaining({ code: 'REPORT_TOO_LARGE' }),
    );
    expect(() => kit.services.recordReport(p.id, { n: 1n })).toThrow(
      expect.objectContaining({ code: 'REPORT_INVALID' }),
    );
    expect(() => kit.services.recordReport('missing', {})).toThrow(
      expect.objectContaining({ code: 'PROFILE_NOT_FOUND' }),
    );
    expect(kit.services.store.listReports(p.id)).toEqual([]);
  });
});

describe('settings', () => {
  it('language (foundation channel) and window state persist', async () => {
    const kit = vaultKit();
    const h = {
      ...kit.services.handlers,
      ...createAppHandlers({ settings: kit.services.settings, info: () => ({}) as never }),
    };
    expect(okValue(await invoke(h, 'getSettings'))).toEqual({ language: 'de' });
    okValue(await invoke(h, 'setLanguage', { language: 'en' }));
    okValue(await invoke(h, 'setWindowState', { x: -1200, y: 40, width: 1180, height: 800, maximized: false }));
    errorOf(await invoke(h, 'setWindowState', { width: 10, height: 10 }), 'INPUT_INVALID');

    const reopened = createVaultServices({ dataDir: kit.dataDir, keychain: createMemoryKeychain() });
    expect(okValue(await invoke(reopened.handlers, 'getPreferences'))).toEqual({
      language: 'en',
      windowState: { x: -1200, y: 40, width: 1180, height: 800, maximized: false },
    });
    expect(reopened.windowState.load()).toEqual({ x: -1200, y: 40, width: 1180, height: 800, maximized: false });
    // The Electron edge saves bounds directly; anything the store would refuse on the next start is dropped.
    reopened.windowState.save({ width: 50.5, height: 10 });
    reopened.windowState.save({ x: 10, y: 10, width: 900, height: 600 });
    expect(createVaultServices({ dataDir: kit.dataDir, keychain: createMemoryKeychain() }).windowState.load()).toEqual({
      x: 10,
      y: 10,
      width: 900,
      height: 600,
    });
    expect(() => reopened.store.updateSettings({ language: 'fr' as never })).toThrow();
    const pid = reopened.store.createProfile({
      displayName: 'P',
      tenantLabel: '',
      mailboxUser: '',
      host: 'h.example',
      port: 993,
      security: 'tls',
    }).id;
    expect(() => reopened.store.setCurrentStep(pid, '__proto__')).toThrow(/stepId\.invalid/);
    expect(() => reopened.store.applyStepAction(pid, 'constructor', { action: 'confirm' })).toThrow(/stepId\.invalid/);
    expect(readFileSync(reopened.store.filePath, 'utf8')).not.toMatch(/__proto__|constructor/);
    expect(reopened.settings.get()).toEqual({ language: 'en' });
  });
});
