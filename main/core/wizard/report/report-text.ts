/**
 * The report's words come from the catalogue (`report:` and the shared names of steps, stages and routes); these
 * helpers put them into HTML: every catalogue text and every value is escaped, and only markup the report itself
 * builds (a `<time>` element) is inserted as is.
 */
import type { Language } from '@shared/ipc/channels/app';
import { formatDateTime } from '@shared/text/format';
import type { TextKey } from '@shared/text/keys';
import { type Translator, translator } from '@shared/text/translator';

import { escapeHtml as e } from './html';

/** What a value that is missing or unknown shows. */
export const NONE = '–';

export interface ReportText {
  tr: Translator;
  /** A catalogue text, escaped. */
  text(key: TextKey, values?: Record<string, string | number>): string;
  /** A catalogue text whose placeholders take HTML the report built (already escaped); the rest is escaped. */
  html(key: TextKey, htmlValues: Record<string, string>): string;
  /** A date and time as `<time>`, in the report's language and zone; `NONE` for anything else. */
  when(value: unknown): string;
}

export function reportText(language: Language, timeZone: string | undefined): ReportText {
  const tr = translator(language);
  return {
    tr,
    text: (key, values) => e(tr.t(key, values)),
    html(key, htmlValues) {
      // Private-use markers: escaping leaves them alone and no text contains them; swapped for the HTML after escaping.
      const marker = (name: string) => `\uE000${name}\uE001`;
      const marked = Object.fromEntries(Object.keys(htmlValues).map((name) => [name, marker(name)]));
      return e(tr.t(key, marked)).replace(/\uE000(\w+)\uE001/g, (_, name: string) => htmlValues[name] ?? '');
    },
    when(value) {
      if (typeof value !== 'string' && !(value instanceof Date)) return e(NONE);
      const date = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(date.getTime())) return e(NONE);
      return `<time datetime="${e(date.toISOString())}">${e(formatDateTime(date, language, { timeZone }))}</time>`;
    },
  };
}

export const row = (labelHtml: string, valueHtml: string) => `<dt>${labelHtml}</dt><dd>${valueHtml}</dd>`;

export const orNone = (value: unknown) => e(value === undefined || value === null || value === '' ? NONE : value);
