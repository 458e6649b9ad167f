import { AppError } from '@shared/ipc/result';
import { vaultErrorKey, type VaultMessageCode } from '@shared/profile/error-messages';
import { inBothLanguages } from '@shared/text/translator';

/**
 * A typed failure whose English text is the message and both languages ride along in `details.text`.
 * `cause` is a short technical hint (an errno code or a library message), never user data or secrets.
 */
export function localizedError(code: VaultMessageCode, extra: Record<string, unknown> = {}): AppError {
  const text = inBothLanguages(vaultErrorKey(code));
  return new AppError(code, text.en, { text, ...extra });
}

/** The errno-style code of a Node fs error, for diagnostics (no paths or contents). */
export const errnoOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : err instanceof Error
      ? err.name
      : 'UNKNOWN';
