// The figures' words live in the one text catalogue (namespace `figures`), next to every other text the product
// shows, so the catalogue's checks (same keys and variables in both languages, no empty text) cover them too.
import { type Catalogue, resources } from '@shared/text/resources';

type Figures = Catalogue['figures'];

/** One figure's label table per language. */
export const figureLabels = <K extends keyof Figures>(figure: K): { de: Figures[K]; en: Figures[K] } => ({
  de: resources.de.figures[figure],
  en: resources.en.figures[figure],
});

/** The i-th entry of a label list; a table that lost an entry fails the build loudly instead of drawing "undefined". */
export function at<T>(list: readonly T[], i: number): T {
  const label = list[i];
  if (label === undefined) throw new Error(`figure label ${i} is missing`);
  return label;
}
