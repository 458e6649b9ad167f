/**
 * Field-level validation messages, keyed by a stable code (`displayName.required`, `tenant.alias`, …) and kept in
 * the catalogue under `errors:field`. zod issues carry the code as their message, so main (IPC INPUT_INVALID
 * details) and the renderer (form hints) show the same localized text.
 */
import type { Language } from '../ipc/channels/app';
import { translator } from '../text/translator';

/** Localized text for a field code; unknown codes (e.g. zod's own type errors) fall back to a generic sentence. */
export function profileFieldMessage(code: string, language: Language): string {
  const tr = translator(language);
  const key = `errors:field.${code}`;
  return tr.has(key) ? tr.t(key) : tr.t('errors:fieldFallback');
}
