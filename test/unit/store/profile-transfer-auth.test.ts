/** Profile export and import carry the sign-in track (format version 2): registration yes, sign-in never. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { openRegistrationStore } from '@core/oauth/registration-store';
import { registrationTransfer } from '@core/oauth/registration-transfer';
import { invoke, okValue } from '@test/fixtures/ipc-kit';
import { CANARY, CLIENT, fileOf, kitWithAuth, seeded, TENANT } from '@test/fixtures/transfer-kit';
import { describe, expect, it } from 'vitest';

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
