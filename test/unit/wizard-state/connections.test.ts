/**
 * The wizard-state service at dispatch level under plain Node: connections, routes and steps change only through
 * commands, every change publishes one view, views never go back in time, and a restart resumes where the admin was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { createMemoryRetestPersistence } from '@core/wizard/retest/persistence';
import { TRACK_STEPS } from '@shared/wizard/tracks';
import { errorOf, okValue } from '@test/fixtures/ipc-kit';
import { authFailed } from '@test/fixtures/probe-reports';
import { wizardKit } from '@test/fixtures/wizard-kit';
import { afterEach, describe, expect, it } from 'vitest';

const kits: ReturnType<typeof wizardKit>[] = [];
const kit = (...args: Parameters<typeof wizardKit>) => {
  const k = wizardKit(...args);
  kits.push(k);
  return k;
};
afterEach(async () => {
  for (const k of kits.splice(0)) await k.dispose();
});

const draft = (displayName: string, host = 'imap.example.net') => ({ displayName, host, mailboxUser: 'a@example.net' });

describe('wizard view', () => {
  it('every change publishes one view, with a growing revision, equal to the command’s answer', async () => {
    const k = kit();
    const empty = okValue(await k.call('getWizardView'));
    expect(empty).toMatchObject({ connections: [], active: null, route: null, resumeStep: 'securityDefaults' });
    expect(empty.steps.map((s) => s.id)[0]).toBe('start');

    const created = okValue(await k.call('createConnection', { draft: draft('Rechnungen'), stepId: 'profile' }));
    expect(created.active?.profile.displayName).toBe('Rechnungen');
    expect(created.active?.savedStep).toBe('profile');
    const id = created.active!.profile.id;
    const renamed = okValue(await k.call('renameConnection', { profileId: id, displayName: 'Eingang' }));
    const confirmed = okValue(await k.call('confirmStep', { profileId: id, stepId: 'securityDefaults' }));
    const undone = okValue(await k.call('undoStep', { profileId: id, stepId: 'securityDefaults' }));

    expect(k.views).toEqual([empty, created, renamed, confirmed, undone]);
    const revisions = k.views.map((v) => v.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(renamed.connections.map((p) => p.displayName)).toEqual(['Eingang']);
    expect(confirmed.steps.find((s) => s.id === 'securityDefaults')?.status).toMatchObject({ status: 'done' });
    expect(undone.steps.find((s) => s.id === 'securityDefaults')?.status).toEqual({ status: 'open' });
    // Start and connection are proven by the saved connection itself.
    expect(undone.steps.slice(0, 2).map((s) => s.status.status)).toEqual(['done', 'done']);
  });

  it('the route decides the steps, where each step leads and where "continue" goes', async () => {
    const k = kit();
    const id = okValue(await k.call('createConnection', { draft: draft('M365', 'outlook.office365.com') })).active!
      .profile.id;
    const before = k.last();
    expect(before.active?.recommendedRoute).toBe('bridge');
    // Nothing chosen yet at Exchange Online: the recommended route is listed, not the password route.
    expect(before.stepFor.test).toBe('bridgeTest');
    const modern = okValue(await k.call('chooseRoute', { profileId: id, route: 'modern-auth' }));
    expect(modern.route).toBe('modern-auth');
    expect(modern.steps.map((s) => s.id)).toEqual(TRACK_STEPS['modern-auth']);
    expect(modern.stepFor).toMatchObject({ test: 'oauthTest', agorum: 'oauthHandover', modernAuth: 'modernAuth' });
    expect(modern.resumeStep).toBe('oauthRegistration');
    for (const part of ['oauthRegister', 'oauthPlatform', 'oauthPermissions'] as const) {
      okValue(await k.call('confirmStep', { profileId: id, stepId: part }));
    }
    const registered = k.last();
    expect(registered.active?.parts.oauthRegister).toMatchObject({ status: 'done' });
    expect(registered.steps.find((s) => s.id === 'oauthRegistration')?.status.status).toBe('done');
    expect(registered.resumeStep).toBe('oauthIds');
  });

  it('two quick commands in a row never leave an older view on screen', async () => {
    const k = kit();
    const a = okValue(await k.call('createConnection', { draft: draft('A') })).active!.profile.id;
    const b = okValue(await k.call('createConnection', { draft: draft('B') })).active!.profile.id;
    // The keychain answers slowly: each view waits for it, which is where the renderer's guards used to race.
    k.keychain.delayMs = 30;
    const seen = k.views.length;
    const [confirmA, selectA, selectB] = await Promise.all([
      k.call('confirmStep', { profileId: a, stepId: 'perUserMfa' }),
      k.call('selectConnection', { profileId: a }),
      k.call('selectConnection', { profileId: b }),
    ]);
    const answers = [okValue(confirmA), okValue(selectA), okValue(selectB)];
    expect(answers.map((v) => v.revision)).toEqual([...answers.map((v) => v.revision)].sort((x, y) => x - y));
    expect(k.views.slice(seen)).toEqual(answers);
    expect(k.last().active?.profile.id).toBe(b);
    // A's confirmation is in every view that shows A after it.
    expect(answers[1]!.steps.find((s) => s.id === 'perUserMfa')?.status.status).toBe('done');
    expect(answers[2]!.steps.find((s) => s.id === 'perUserMfa')?.status.status).toBe('open');
  });

  it('deleting the active connection ends its retests and sign-in data and opens the next one', async () => {
    const persistence = createMemoryRetestPersistence();
    const k = kit({ retestPersistence: persistence });
    const keep = okValue(await k.call('createConnection', { draft: draft('Bleibt') })).active!.profile.id;
    const gone = okValue(await k.call('createConnection', { draft: draft('Geht') })).active!.profile.id;
    okValue(await k.call('saveAppPassword', { profileId: gone, secret: 'Geheim-1', fallback: 'none' }));
    okValue(await k.call('chooseRoute', { profileId: gone, route: 'modern-auth' }));
    okValue(
      await k.call('saveOAuthIds', {
        profileId: gone,
        tenant: 'contoso.onmicrosoft.com',
        clientId: '11111111-2222-3333-4444-555555555555',
        mode: 'system-browser',
      }),
    );
    const retesting = okValue(await k.call('startRetest', { profileId: gone }));
    expect(retesting.active?.retest).toMatchObject({ active: true, state: { status: 'scheduled' } });

    const after = okValue(await k.call('deleteConnection', { profileId: gone }));
    expect(after.connections.map((p) => p.id)).toEqual([keep]);
    expect(after.active?.profile.id).toBe(keep);
    expect([...k.keychain.entries.keys()].filter((a) => a.startsWith(gone))).toEqual([]);
    expect(await k.retest.get(gone)).toBeNull();
    expect(persistence.snapshot()).toEqual([]);
    expect(readFileSync(path.join(k.dataDir, 'oauth.json'), 'utf8')).not.toContain(gone);
    errorOf(await k.call('selectConnection', { profileId: gone }), 'PROFILE_NOT_FOUND');
    // Deleting the last one leaves the wizard without a connection, not broken.
    expect(okValue(await k.call('deleteConnection', { profileId: keep })).active).toBeNull();
  });

  it('a restart resumes the same connection and step, on its route', async () => {
    const first = wizardKit();
    const a = okValue(await first.call('createConnection', { draft: draft('Erste') })).active!.profile.id;
    const b = okValue(await first.call('createConnection', { draft: draft('Zweite') })).active!.profile.id;
    okValue(await first.call('goToStep', { profileId: b, stepId: 'test' }));
    okValue(await first.call('goToStep', { profileId: a, stepId: 'perUserMfa' }));
    okValue(await first.call('selectConnection', { profileId: b }));
    okValue(await first.call('chooseRoute', { profileId: b, route: 'modern-auth' }));
    await first.dispose();

    const again = kit({ dataDir: first.dataDir, keychain: first.keychain });
    const view = okValue(await again.call('getWizardView'));
    expect(view.active?.profile.id).toBe(b);
    // The password test's counterpart on the modern-auth route.
    expect(view.active?.savedStep).toBe('oauthTest');
    expect(view.route).toBe('modern-auth');
    expect(okValue(await again.call('selectConnection', { profileId: a })).active?.savedStep).toBe('perUserMfa');
  });

  it('refuses bad input at the boundary and changes nothing', async () => {
    const k = kit();
    const id = okValue(await k.call('createConnection', { draft: draft('P') })).active!.profile.id;
    const before = k.views.length;
    for (const stepId of ['__proto__', 'constructor', 'noSuchStep']) {
      errorOf(await k.call('goToStep', { profileId: id, stepId } as never), 'INPUT_INVALID');
      errorOf(await k.call('confirmStep', { profileId: id, stepId } as never), 'INPUT_INVALID');
    }
    errorOf(await k.call('renameConnection', { profileId: id, displayName: '  ' }), 'INPUT_INVALID');
    errorOf(await k.call('updateConnection', { profileId: id, patch: { id: 'x' } as never }), 'INPUT_INVALID');
    const ids = errorOf(
      await k.call('saveOAuthIds', { profileId: id, tenant: 'common', clientId: 'not-a-guid', mode: 'system-browser' }),
      'INPUT_INVALID',
    );
    expect(JSON.stringify(ids.details)).toContain('tenant.alias');
    expect(JSON.stringify(ids.details)).toContain('clientId.invalid');
    errorOf(await k.call('confirmStep', { profileId: 'missing', stepId: 'start' }), 'PROFILE_NOT_FOUND');
    // Refused input never reaches the service; the one command that ran (unknown profile) published the same state.
    expect(k.views.length - before).toBe(1);
    expect(k.last().active).toMatchObject({ profile: { displayName: 'P' }, progress: { steps: {} }, savedStep: null });
  });

  it('refuses an automatic retest after a permanent verdict, and only then', async () => {
    const k = kit();
    const id = okValue(await k.call('createConnection', { draft: draft('Exchange') })).active!.profile.id;
    // Exchange Online refused the password: that never changes, however long one waits.
    k.vault.recordReport(id, { ...authFailed(), checkedAt: '2026-11-24T10:00:00.000Z' });
    errorOf(await k.call('startRetest', { profileId: id }), 'RETEST_NOT_USEFUL');
    expect(k.last().active?.retest).toMatchObject({ state: null, offered: false });
    // A refused password at another server may still come right.
    k.vault.recordReport(id, {
      ...authFailed({ product: 'dovecot', host: 'mail.example.test' }),
      checkedAt: '2026-11-24T10:01:00.000Z',
    });
    expect(okValue(await k.call('startRetest', { profileId: id })).active?.retest).toMatchObject({
      active: true,
      offered: true,
    });
  });

  it('an import adds connections and answers with the report and the new view', async () => {
    const source = kit();
    okValue(await source.call('createConnection', { draft: draft('Exportiert') }));
    const exported = await source.vault.handlers.exportProfiles({}, { emit: () => {} });
    const k = kit();
    const { report, view } = okValue(await k.call('importConnections', { contents: exported.contents }));
    expect(report.status).toBe('imported');
    expect(view.connections.map((p) => p.displayName)).toEqual(['Exportiert']);
    expect(view.active?.profile.displayName).toBe('Exportiert');
    expect(k.last()).toEqual(view);
  });
});
