/**
 * Dates, numbers and durations as people read them, in the language's own conventions, through `Intl`. One module
 * for the wizard, the setup report, the diagnosis and the command line, so "0.2" or an ISO date never reaches a
 * German reader in one place while another shows "0,2".
 */
import { type Language, LOCALES } from './resources';

const parse = (value: string | Date): Date | null => {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** Time zone for printed times; the machine's when absent. */
export interface FormatOptions {
  timeZone?: string;
}

const zone = (o?: FormatOptions) => (o?.timeZone ? { timeZone: o.timeZone } : {});

/** "24.11.2026, 14:05" / "24 Nov 2026, 14:05". Text that is no date comes back unchanged. */
export function formatDateTime(value: string | Date, language: Language, o?: FormatOptions): string {
  const d = parse(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', ...zone(o) }).format(d);
}

/** "24.11.2026" / "24 Nov 2026". */
export function formatDate(value: string | Date, language: Language, o?: FormatOptions): string {
  const d = parse(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', ...zone(o) }).format(d);
}

export function formatTime(value: string | Date, language: Language, o?: FormatOptions): string {
  const d = parse(value);
  if (!d) return String(value);
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short', ...zone(o) }).format(d);
}

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(n);
}

const unit = (n: number, u: 'second' | 'minute' | 'hour', language: Language) =>
  new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);

/**
 * Milliseconds of a measurement: "37 ms", "1,2 s" / "1.2 s". The SI symbols read the same in both languages; Intl's
 * short units would give "1,2 Sek." next to "37 ms".
 */
export function formatMs(ms: number, language: Language): string {
  if (ms < 1000) return `${formatNumber(Math.round(ms), language)} ms`;
  return `${formatNumber(ms / 1000, language)} s`;
}

/** A span that does not tick every second: "14 Minuten", "1 Stunde und 5 Minuten" / "14 minutes", … */
export function formatDuration(ms: number, language: Language): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  if (minutes < 1) return unit(Math.max(1, Math.round(ms / 1000)), 'second', language);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [...(h ? [unit(h, 'hour', language)] : []), ...(m ? [unit(m, 'minute', language)] : [])];
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(parts);
}

/** How long ago something happened, as a phrase: "vor 12 Minuten" / "12 minutes ago", "vor 3 Stunden". */
export function formatAgo(from: string | Date, now: Date, language: Language): string {
  const d = parse(from);
  if (!d) return String(from);
  const minutes = Math.max(0, Math.round((now.getTime() - d.getTime()) / 60_000));
  const rtf = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  if (minutes < 90) return rtf.format(-minutes, 'minute');
  const hours = minutes / 60;
  if (hours < 48) return rtf.format(-Math.round(hours), 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}
