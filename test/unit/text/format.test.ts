import { formatAgo, formatDate, formatDateTime, formatDuration, formatMs, formatNumber } from '@shared/text/format';
import { describe, expect, it } from 'vitest';

const NOW = new Date('2026-11-24T12:00:00Z');
const before = (ms: number) => new Date(NOW.getTime() - ms);

describe('one formatting module for dates, numbers and durations', () => {
  it('says how long ago a confirmation was in words, never as a decimal hour', () => {
    expect(formatAgo(before(12 * 60_000), NOW, 'de')).toBe('vor 12 Minuten');
    expect(formatAgo(before(12 * 60_000), NOW, 'en')).toBe('12 minutes ago');
    expect(formatAgo(before(3 * 3_600_000), NOW, 'de')).toBe('vor 3 Stunden');
    expect(formatAgo(before(4 * 86_400_000), NOW, 'en')).toBe('4 days ago');
  });

  it('writes decimals the way each language does', () => {
    expect(formatMs(1234, 'de')).toBe('1,2 s');
    expect(formatMs(1234, 'en')).toBe('1.2 s');
    expect(formatMs(37.4, 'de')).toBe('37 ms');
    expect(formatNumber(12345, 'de')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });

  it('prints dates in the language, not as ISO text', () => {
    expect(formatDate('2027-01-01T00:00:00Z', 'de', { timeZone: 'UTC' })).toBe('01.01.2027');
    expect(formatDate('2027-01-01T00:00:00Z', 'en', { timeZone: 'UTC' })).toBe('1 Jan 2027');
    expect(formatDateTime('2026-11-20T07:00:00Z', 'de', { timeZone: 'Europe/Berlin' })).toBe('20.11.2026, 08:00');
    expect(formatDate('not a date', 'de')).toBe('not a date');
  });

  it('spells out durations with their units', () => {
    expect(formatDuration(65 * 60_000, 'de')).toBe('1 Stunde und 5 Minuten');
    expect(formatDuration(14 * 60_000, 'en')).toBe('14 minutes');
    expect(formatDuration(2 * 3_600_000, 'de')).toBe('2 Stunden');
    expect(formatDuration(20_000, 'en')).toBe('20 seconds');
  });
});
