import type { Language } from '@shared/ipc/channels/app';
import { LOCALES } from '@shared/text/resources';
import { translator } from '@shared/text/translator';

/** "24.11.2026, 14:05" / "24 Nov 2026, 14:05": dates people read, in the app's language. */
export function formatDateTime(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatTime(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short' }).format(d);
}

/** Milliseconds as people read them: "37 ms", "1,2 s". */
export function formatMs(ms: number, language: Language): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
}

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

/** "in 14 min", "in 1 h 5 min": a countdown that does not tick every second. */
export function formatDuration(ms: number, language: Language): string {
  if (ms < 60_000) return '< 1 min';
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unitH = translator(language).t('common:unit.hour');
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} ${unitH}` : `${h} ${unitH} ${m} min`;
}
