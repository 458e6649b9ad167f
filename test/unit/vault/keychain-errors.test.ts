import { accountFor, parseAccount, primaryAccount } from '@core/vault/account-key';
import { classifyKeychainMessage, vaultError } from '@core/vault/keychain-errors';
import { describe, expect, it } from 'vitest';

describe('keychain error classification', () => {
  // Linux messages observed on this machine with @napi-rs/keyring 2.1.2 against gnome-keyring (see integration tests).
  it.each([
    [
      'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      'KEYCHAIN_UNAVAILABLE',
    ],
    [
      'Platform failure: DBus error: Failed to connect to socket /tmp/x/bus: No such file or directory',
      'KEYCHAIN_UNAVAILABLE',
    ],
    [
      'zbus error: Failed to connect to address `unix:path=/run/user/0/bus`: No such file or directory (os error 2)',
      'KEYCHAIN_UNAVAILABLE',
    ],
    ["Couldn't access platform storage: Secret Service: no result found", 'KEYCHAIN_NOT_PERSISTENT'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'KEYCHAIN_LOCKED'],
    ["Couldn't access platform storage: Secret Service: object locked", 'KEYCHAIN_LOCKED'],
    ['zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object', 'KEYCHAIN_LOCKED'],
    [
      'Platform failure: DBus error: Rejected send message, 2 matched rules; type="method_call"',
      'KEYCHAIN_ACCESS_DENIED',
    ],
    ['Error { code: -128, message: "User canceled the operation." }', 'KEYCHAIN_ACCESS_DENIED'],
    ['Error { code: -25308, message: "User interaction is not allowed." }', 'KEYCHAIN_LOCKED'],
    ['Error { code: -25291, message: "No keychain is available." }', 'KEYCHAIN_UNAVAILABLE'],
    ["Attribute 'password' is longer than platform limit of 2560 chars", 'SECRET_TOO_LONG'],
    ['something nobody has seen before', 'KEYCHAIN_FAILED'],
  ])('%s → %s', (message, code) => {
    expect(classifyKeychainMessage(message)).toBe(code);
  });

  it('errors carry German and English advice, offer the session fallback only for keychain trouble', () => {
    const locked = vaultError('KEYCHAIN_LOCKED', 'Secret Service: object locked');
    const details = locked.details as { text: { de: string; en: string }; canUseSession: boolean; cause: string };
    expect(locked.message).toBe(details.text.en);
    expect(details.text.de).toMatch(/entsperr/i);
    expect(details.text.en).toMatch(/unlock/i);
    expect(details.canUseSession).toBe(true);
    expect(details.cause).toContain('object locked');
    expect((vaultError('SECRET_EMPTY').details as { canUseSession: boolean }).canUseSession).toBe(false);
  });
});

describe('keychain account names', () => {
  it('round-trip profile id and kind', () => {
    expect(accountFor('p-1', 'app-password')).toBe('p-1:app-password');
    expect(parseAccount('p-1:oauth-refresh-token')).toEqual({ profileId: 'p-1', kind: 'oauth-refresh-token' });
  });
  it('return nulls for names this app never writes', () => {
    expect(parseAccount('no-separator')).toEqual({ profileId: null, kind: null });
    expect(parseAccount('p-1:smtp-password')).toEqual({ profileId: 'p-1', kind: null });
    expect(parseAccount('bad id!:app-password')).toEqual({ profileId: null, kind: 'app-password' });
    expect(parseAccount('__proto__:app-password').profileId).toBeNull();
  });
  it('recognize chunk items of long secrets, and nothing that merely looks similar', () => {
    expect(parseAccount('p-1:oauth-refresh-token#12')).toEqual({
      profileId: 'p-1',
      kind: 'oauth-refresh-token',
      chunk: 12,
    });
    expect(primaryAccount('p-1:oauth-refresh-token#12')).toBe('p-1:oauth-refresh-token');
    for (const odd of [
      'p-1:app-password#',
      'p-1:app-password#01',
      'p-1:app-password#-1',
      'p-1:app-password#x',
      'p-1:app-password#12345',
    ]) {
      expect(parseAccount(odd), odd).toEqual({ profileId: 'p-1', kind: null });
      expect(primaryAccount(odd)).toBe(odd);
    }
  });
});
