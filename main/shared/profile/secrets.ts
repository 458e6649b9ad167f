/** What the renderer may know about secrets: their kind, whether one is saved, and where. Never the value. */
import { z } from 'zod';

import { profileIdSchema } from './profile';

export const secretKindSchema = z.enum(['app-password', 'oauth-refresh-token']);
export type SecretKind = z.infer<typeof secretKindSchema>;
export const SECRET_KINDS = secretKindSchema.options;

/** 'session' = kept in main-process memory only, gone when the app quits (the user chose this explicitly). */
export type SecretStorage = 'keychain' | 'session';

/**
 * Longest secret accepted, in UTF-8 bytes: app passwords are 16 letters, a Microsoft refresh token a few KiB. The
 * vault splits anything longer than one keychain item may hold (Windows Credential Manager: 2,560 bytes) into
 * chunk items, so this cap is the same on every platform.
 */
export const MAX_SECRET_BYTES = 16 * 1024;

export const keychainErrorCodes = [
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_ACCESS_DENIED',
  'KEYCHAIN_NOT_PERSISTENT',
  'KEYCHAIN_TIMEOUT',
  'KEYCHAIN_FAILED',
  /** A secret stored in chunks is incomplete or does not fit together (a chunk was deleted or altered). */
  'KEYCHAIN_ENTRY_DAMAGED',
] as const;
export type KeychainErrorCode = (typeof keychainErrorCodes)[number];
export type SecretInputErrorCode = 'SECRET_EMPTY' | 'SECRET_TOO_LONG';
export type VaultErrorCode = KeychainErrorCode | SecretInputErrorCode;

/** A keychain failure as the UI sees it: the stable code plus localized text (also in `details` of IPC errors). */
export interface KeychainProblem {
  code: KeychainErrorCode;
  message: string;
}

export interface SaveSecretResult {
  storage: SecretStorage;
  /** Present when the keychain failed and the secret was kept for this session instead. */
  keychainProblem?: KeychainProblem;
}

export interface SecretStatus {
  saved: boolean;
  storage: SecretStorage | null;
  /** Set when the keychain could not be asked; `saved` then only reflects a session secret. */
  keychainProblem?: KeychainProblem;
}

export interface OrphanSecret {
  /** The keychain account name, `<profileId>:<kind>` (or `<profileId>:<kind>#<chunk>`) for entries this app wrote. */
  account: string;
  profileId: string | null;
  kind: SecretKind | null;
  /**
   * Set for one chunk of a long secret: of a deleted profile, or one that its secret no longer references (left
   * behind by an interrupted save).
   */
  chunk?: number;
  /**
   * Set when a settings file the app moved aside still holds this entry's connection: importing that file would
   * bring the connection back with this secret, so removing it needs the user's explicit choice.
   */
  movedAside?: { file: string; displayName: string | null };
}

export interface RemoveOrphansResult {
  removed: string[];
  /** Accounts not removed: not orphans (any more) or not found. */
  skipped: string[];
}

export const saveSecretInputSchema = z
  .object({
    profileId: profileIdSchema,
    kind: secretKindSchema,
    // Hard backstop only; the vault enforces MAX_SECRET_BYTES with the SECRET_TOO_LONG code.
    secret: z.string().max(65_536),
    /** 'session': if the keychain fails, keep the secret in memory for this run (the user agreed to that). */
    fallback: z.enum(['none', 'session']).default('none'),
  })
  .strict();
