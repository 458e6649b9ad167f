/**
 * A figure's numbered markers against the step's numbered items: marker n must sit on a control that item n
 * names (or carry a pill that says what item n says), and the numbers run on from one figure to the next.
 */
import type { MeasuredFigure } from './figure-geometry';

export interface NumberedStep {
  /** The numbered items as the catalogue holds them (with <b>, <code>, <old> markup). */
  items: string[];
  figures: { name: string; figure: MeasuredFigure }[];
  /** Every item must have a marker (the figures picture the whole path). */
  everyItemMarked: boolean;
}

/** Lower case, without markup, quotes, arrows, symbols and hyphens; the 2022 names in <old> are left out. */
export function normalise(s: string): string {
  return (
    s
      .replace(/<old>.*?<\/old>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/[„“”"‘’«»›✓✕▾]/g, ' ')
      // “Postfach-Benutzer” and “Postfachbenutzer” name the same thing.
      .replace(/-/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The phrases an item singles out: bold control names, code, quoted page text. An ellipsis stands for anything. */
function phrases(item: string): string[] {
  const found = [...item.matchAll(/<b>(.*?)<\/b>|<code>(.*?)<\/code>|„(.*?)“|“(.*?)”/g)].map((m) =>
    normalise(m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''),
  );
  return found.filter((p) => p.length >= 3);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether one of the marker's words is what the item talks about. */
export function markerMatches(words: string[], item: string): boolean {
  const text = normalise(item);
  return words
    .map(normalise)
    .filter((w) => w.length >= 3)
    .some(
      (w) =>
        text.includes(w) ||
        phrases(item).some((p) =>
          p.includes('…') ? new RegExp(p.split('…').map(escape).join('.+')).test(w) : w.includes(p),
        ),
    );
}

export function markerMismatches({ items, figures, everyItemMarked }: NumberedStep): string[] {
  const problems: string[] = [];
  let previous = 0;
  let previousName = '';
  const marked = new Set<number>();
  for (const { name, figure } of figures) {
    const numbers = figure.markers.map((m) => m.n);
    if (numbers.length && Math.min(...numbers) < previous)
      problems.push(`${name} starts at marker ${Math.min(...numbers)}, before ${previousName} ends (${previous})`);
    for (const m of figure.markers) {
      marked.add(m.n);
      const item = items[m.n - 1];
      if (item === undefined) {
        problems.push(`${name}: marker ${m.n}, but there are only ${items.length} numbered items`);
        continue;
      }
      const words = [...m.marked.map((t) => t.text), ...(m.label ? [m.label] : [])];
      if (words.length && !markerMatches(words, item))
        problems.push(`${name}: marker ${m.n} shows “${words.join(' / ')}”, item ${m.n} reads “${normalise(item)}”`);
    }
    if (numbers.length) {
      previous = Math.max(...numbers);
      previousName = name;
    }
  }
  if (everyItemMarked)
    for (let n = 1; n <= items.length; n++) if (!marked.has(n)) problems.push(`item ${n} has no marker in any figure`);
  return problems;
}
