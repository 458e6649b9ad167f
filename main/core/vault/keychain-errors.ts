/**
 * Turns the keychain library's error messages into stable codes with localized advice. The messages come from
 * keyring-rs / secret-service-rs (Linux), Security.framework (macOS) and the Windows Credential Manager; the
 * Linux ones were observed on this project's test machine (see test/integration/vault).
 */
import { AppError } from '@shared/ipc/result';
import { vaultErrorKey } from '@shared/profile/error-messages';
import type { KeychainErrorCode, KeychainProblem, VaultErrorCode } from '@shared/profile/secrets';
import { inBothLanguages } from '@shared/text/translator';

const RULES: [RegExp, KeychainErrorCode | 'SECRET_TOO_LONG'][] = [
  // keyring-rs: "Attribute 'password' is longer than platform limit" / Windows blob limit.
  [/too ?long|longer than platform limit/i, 'SECRET_TOO_LONG'],
  // A Secret Service with no default collection: only gnome-keyring's in-memory "session" collection remains.
  [/no result found/i, 'KEYCHAIN_NOT_PERSISTENT'],
  // Locked collection; a dismissed (or impossible, e.g. no display) unlock prompt; macOS "interaction not allowed".
  [/object locked|IsLocked|locked object|prompt was dismissed|interaction is not allowed|-25308/i, 'KEYCHAIN_LOCKED'],
  // D-Bus policy rejection (sandbox, flatpak), macOS user cancel / wrong password, Windows access denied.
  [
    /Rejected send message|AccessDenied|access denied|access is denied|User canceled|-128\b|-25293/i,
    'KEYCHAIN_ACCESS_DENIED',
  ],
  // No session bus, no Secret Service provider, macOS without a keychain.
  [
    /DBus|D-Bus|zbus|Failed to connect|autolaunch|Secret Service provider|ServiceUnknown|NameHasNoOwner|No keychain is available|-25291|-25294|platform storage/i,
    'KEYCHAIN_UNAVAILABLE',
  ],
];

export function classifyKeychainMessage(message: string): KeychainErrorCode | 'SECRET_TOO_LONG' {
  for (const [pattern, code] of RULES) if (pattern.test(message)) return code;
  return 'KEYCHAIN_FAILED';
}

export const isKeychainCode = (code: string): code is KeychainErrorCode => code.startsWith('KEYCHAIN_');

/** Sessions-only is offered for every keychain failure, never for bad input. */
export function vaultError(code: VaultErrorCode, cause?: string): AppError {
  const text = inBothLanguages(vaultErrorKey(code));
  return new AppError(code, text.en, {
    text,
    canUseSession: isKeychainCode(code),
    // The library's own words help support; they name the failing call, never the secret.
    ...(cause ? { cause: cause.slice(0, 300) } : {}),
  });
}

export const problemOf = (err: AppError): KeychainProblem => ({
  code: err.code as KeychainErrorCode,
  message: err.message,
});
