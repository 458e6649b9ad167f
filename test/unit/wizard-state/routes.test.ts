/**
 * The route rules at Exchange Online, at dispatch level: the route is chosen explicitly (Next never leads into the
 * password route's steps without that choice), the password route is taken only with its cost acknowledged (once),
 * its Microsoft steps carry a note, and leaving it — or Exchange Online refusing the password — offers to undo what
 * it changed in the tenant.
 */
import { recommendedRoute, ROUTES } from '@shared/wizard/routes';
import { stepOnTrack, TRACK_STEPS } from '@shared/wizard/tracks';
import { createTestPki, type TestPki } from '@test/fixtures/certs';
import { EXCHANGE, EXCHANGE_AUTH_REFUSED, imapResponder } from '@test/fixtures/imap-responder';
import { errorOf, okValue } from '@test/fixtures/ipc-kit';
import { type ScriptedServer, startScriptedImap } from '@test/fixtures/scripted-imap';
import { wizardKit } from '@test/fixtures/wizard-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

let pki: TestPki;
let exchange: ScriptedServer;
beforeAll(async () => {
  pki = await createTestPki();
  exchange = await startScriptedImap({
    tls: pki.valid,
    script: imapResponder({ ...EXCHANGE, auth: EXCHANGE_AUTH_REFUSED }),
  });
});
afterAll(async () => {
  await exchange?.close();
  await pki?.dispose();
});

const kits: ReturnType<typeof wizardKit>[] = [];
afterEach(async () => {
  for (const k of kits.splice(0)) await k.dispose();
});

async function connection(host: string, port?: number) {
  const k = wizardKit({
    probeOptions: { ca: [pki.ca.cert], lookup: async () => [{ address: '127.0.0.1', family: 4 }], deadlineMs: 5000 },
  });
  kits.push(k);
  const view = okValue(
    await k.call('createConnection', {
      draft: { displayName: 'Eingang', mailboxUser: 'anna@contoso.example', host, ...(port ? { port } : {}) },
    }),
  );
  return { k, id: view.active!.profile.id, view };
}

/** Walks Next from the start as the step nav does, and returns every step it lands on. */
function walkNext(view: { next: Record<string, string | null> }): string[] {
  const seen: string[] = [];
  for (let at: string | null = 'start'; at && !seen.includes(at); at = view.next[at] ?? null) seen.push(at);
  return seen;
}

describe('routes as data', () => {
  it('every route is one entry; the recommendation is one function', () => {
    expect(ROUTES.map((r) => r.id)).toEqual(Object.keys(TRACK_STEPS));
    expect(recommendedRoute('outlook.office365.com')).toBe('bridge');
    expect(recommendedRoute('imap.example.net')).toBe('app-password');
  });
});

describe('at Exchange Online the route is chosen explicitly', () => {
  it('with no route chosen, Next leads from the network check to the route choice, never to security defaults', async () => {
    const { view } = await connection('outlook.office365.com');
    expect(view.route).toBeNull();
    expect(view.active?.routeAdvice).toMatchObject({ exchangeOnline: true, choiceRequired: true });
    const walked = walkNext(view);
    expect(walked).toEqual(['start', 'profile', 'network', 'modernAuth']);
    expect(walked).not.toContain('securityDefaults');
    // The choice leads nowhere until it is made, and "continue" means the choice.
    expect(view.next.modernAuth).toBeNull();
    expect(view.resumeStep).toBe('modernAuth');
    // The list shows the recommended route, preselected; nothing silently becomes the documented procedure.
    // agorum core's form has only a password field, so the recommended route is the bridge.
    expect(view.listedRoute).toBe('bridge');
    expect(view.steps.map((s) => s.id)).not.toContain('securityDefaults');
    expect(view.active?.routes.find((r) => r.recommended)?.id).toBe('bridge');
  });

  it('elsewhere nothing changes: the documented procedure, Next straight on', async () => {
    const { view } = await connection('imap.example.net');
    expect(view.active?.routeAdvice).toMatchObject({ exchangeOnline: false, choiceRequired: false, noteSteps: [] });
    expect(view.next.network).toBe('securityDefaults');
    expect(view.active?.routes.every((r) => r.warning === null)).toBe(true);
  });

  it('choosing the recommended route opens its steps', async () => {
    const { k, id } = await connection('outlook.office365.com');
    const chosen = okValue(await k.call('chooseRoute', { profileId: id, route: 'modern-auth' }));
    expect(chosen.active?.routeAdvice.choiceRequired).toBe(false);
    expect(chosen.next.network).toBe('oauthRegistration');
    expect(chosen.next.modernAuth).toBe('oauthRegistration');
  });
});

describe('the password route at Exchange Online', () => {
  it('is refused without the acknowledged warning, and changes nothing', async () => {
    const { k, id, view } = await connection('outlook.office365.com');
    expect(view.active?.routes.find((r) => r.id === 'app-password')?.warning).toBe('required');
    errorOf(await k.call('chooseRoute', { profileId: id, route: 'app-password' }), 'ROUTE_WARNING_REQUIRED');
    const after = k.last();
    expect(after.route).toBeNull();
    expect(after.next.network).toBe('modernAuth');
  });

  it('once acknowledged it is taken, its steps carry the note, and it is not asked again', async () => {
    const { k, id } = await connection('outlook.office365.com');
    const taken = okValue(
      await k.call('chooseRoute', { profileId: id, route: 'app-password', acknowledgeWarning: true }),
    );
    expect(taken.route).toBe('app-password');
    expect(taken.next.network).toBe('securityDefaults');
    expect(taken.active?.routeAdvice).toMatchObject({ warningPending: false });
    expect(taken.active?.routeAdvice.noteSteps).toEqual(['securityDefaults', 'perUserMfa', 'appPassword']);
    expect(taken.active?.routes.find((r) => r.id === 'app-password')?.warning).toBe('acknowledged');
    okValue(await k.call('chooseRoute', { profileId: id, route: 'modern-auth' }));
    okValue(await k.call('chooseRoute', { profileId: id, route: 'app-password' }));
  });

  it('chosen before Exchange Online was known (the greeting showed it), Next waits for the warning', async () => {
    const { k, id } = await connection('localhost', exchange.port);
    const chosen = okValue(await k.call('chooseRoute', { profileId: id, route: 'app-password' }));
    expect(chosen.next.network).toBe('securityDefaults');
    const checked = okValue(await k.call('checkNetwork', { profileId: id }));
    expect(checked.active?.lastTests.network?.server.product).toBe('exchange-online');
    expect(checked.active?.routeAdvice).toMatchObject({ exchangeOnline: true, warningPending: true });
    expect(checked.next.network).toBe('modernAuth');
    expect(checked.resumeStep).toBe('modernAuth');
    const acknowledged = okValue(
      await k.call('chooseRoute', { profileId: id, route: 'app-password', acknowledgeWarning: true }),
    );
    expect(acknowledged.next.network).toBe('securityDefaults');
  });
});

describe('undoing what the password route changed', () => {
  it('after a switch away: security defaults (if step 3 was confirmed) and per-user MFA, until each is reset', async () => {
    const { k, id } = await connection('outlook.office365.com');
    okValue(await k.call('chooseRoute', { profileId: id, route: 'app-password', acknowledgeWarning: true }));
    okValue(await k.call('confirmStep', { profileId: id, stepId: 'securityDefaults' }));
    const onRoute = okValue(await k.call('confirmStep', { profileId: id, stepId: 'perUserMfa' }));
    // Still on the route and no verdict yet: nothing to offer.
    expect(onRoute.active?.routeAdvice.undo).toBeNull();

    const switched = okValue(await k.call('chooseRoute', { profileId: id, route: 'modern-auth' }));
    const confirmedAt = switched.active!.progress.steps.securityDefaults!.confirmedAt;
    expect(switched.active?.routeAdvice.undo).toEqual({
      securityDefaultsOffAt: confirmedAt,
      perUserMfaAt: switched.active!.progress.steps.perUserMfa!.confirmedAt,
    });
    expect(switched.active?.routeAdvice.undoOn).toEqual(['modernAuth', 'oauthRegistration']);

    const reset = okValue(await k.call('undoStep', { profileId: id, stepId: 'securityDefaults' }));
    expect(reset.active?.routeAdvice.undo).toMatchObject({ securityDefaultsOffAt: null });
    const done = okValue(await k.call('undoStep', { profileId: id, stepId: 'perUserMfa' }));
    expect(done.active?.routeAdvice.undo).toBeNull();
  });

  it('when Exchange Online refuses the password, on the route itself', async () => {
    const { k, id, view } = await connection('localhost', exchange.port);
    okValue(await k.call('chooseRoute', { profileId: id, route: 'app-password' }));
    okValue(await k.call('confirmStep', { profileId: id, stepId: 'securityDefaults' }));
    const profile = view.active!.profile;
    const settings = {
      host: profile.host,
      port: exchange.port,
      security: profile.security,
      mailboxUser: profile.mailboxUser,
    };
    const tested = okValue(await k.call('testConnection', { profileId: id, settings, password: 'abcdefghijklmnop' }));
    expect(tested.view.active?.switchOffered).toBe(true);
    // Known by its greeting behind this name: the switch leads to the route that works there.
    expect(tested.view.active?.recommendedRoute).toBe('bridge');
    expect(tested.view.active?.routeAdvice.undo).toMatchObject({ perUserMfaAt: null });
    expect(tested.view.active?.routeAdvice.undo?.securityDefaultsOffAt).toEqual(expect.any(String));
    expect(tested.view.active?.routeAdvice.undoOn).toContain('test');
  });
});

describe('the OAuth bridge route', () => {
  it('reuses the registration, IDs and sign-in, then walks its own four steps, values before the test', () => {
    expect(TRACK_STEPS.bridge).toEqual([
      'start',
      'profile',
      'network',
      'oauthRegistration',
      'oauthIds',
      'oauthSignIn',
      'bridgePlace',
      'bridgeSetup',
      'bridgeValues',
      'bridgeTest',
    ]);
    expect(stepOnTrack('test', 'bridge')).toBe('bridgeTest');
    expect(stepOnTrack('oauthHandover', 'bridge')).toBe('bridgeValues');
    expect(stepOnTrack('bridgeTest', 'modern-auth')).toBe('oauthTest');
    expect(stepOnTrack('bridgeValues', 'app-password')).toBe('agorum');
    // The bridge's hosting steps have no counterpart elsewhere: they lead to the values for agorum core.
    expect(stepOnTrack('bridgeSetup', 'modern-auth')).toBe('oauthHandover');
    expect(stepOnTrack('bridgePlace', 'app-password')).toBe('agorum');
  });
});
