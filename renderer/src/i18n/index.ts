import type { Language } from '@shared/ipc/channels/app';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every JSON file under ./<lang>/ is a namespace; adding a file needs no change here.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, mod] of Object.entries(files)) {
  const [, lang, ns] = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(file) ?? [];
  if (!lang || !ns) continue;
  (resources[lang] ??= {})[ns] = mod.default;
}

export const DEFAULT_LANGUAGE: Language = 'de';
export const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

void i18next.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18next;
