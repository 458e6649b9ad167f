/**
 * The catalogue outside React: main (reports, notifications, dialogs), the CLI and shared code such as the
 * diagnosis get a translator per language from the same resources the renderer uses. Synchronous: the resources
 * are bundled, nothing is fetched.
 */
import { createInstance, type i18n } from 'i18next';

import type { ListKey, TextKey } from './keys';
import { DEFAULT_LANGUAGE, DEFAULT_NAMESPACE, type Language, LOCALES, namespaces, resources } from './resources';

export type TextValues = Record<string, string | number>;

export interface Translator {
  readonly language: Language;
  /** BCP 47 locale for `Intl` (dates, numbers) in this language. */
  readonly locale: string;
  t(key: TextKey, values?: TextValues): string;
  list(key: ListKey): string[];
  /** Whether a key computed at run time (a code from elsewhere) names a text. */
  has(key: string): key is TextKey;
}

function instanceFor(language: Language): i18n {
  const instance = createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: namespaces,
    defaultNS: DEFAULT_NAMESPACE,
    // Callers escape for their medium (the report escapes HTML itself); the catalogue is not markup-escaped.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

const cache = new Map<Language, Translator>();

export function translator(language: Language): Translator {
  const known = cache.get(language);
  if (known) return known;
  const instance = instanceFor(language);
  // i18next's own key types are checked by TextKey/ListKey above; here the call is a plain lookup.
  const lookup = instance.t as unknown as (key: string, options?: object) => unknown;
  const made: Translator = {
    language,
    locale: LOCALES[language],
    t: (key, values) => String(lookup(key, values)),
    list: (key) => {
      const value = lookup(key, { returnObjects: true });
      return Array.isArray(value) ? value.map(String) : [];
    },
    has: (key): key is TextKey => instance.exists(key),
  };
  cache.set(language, made);
  return made;
}

/** Both languages of one text, for payloads that carry them side by side (errors crossing the IPC boundary). */
export const inBothLanguages = (key: TextKey, values?: TextValues): Record<Language, string> => ({
  de: translator('de').t(key, values),
  en: translator('en').t(key, values),
});
