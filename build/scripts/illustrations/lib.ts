// Tiny SVG builder for schematic portal illustrations. Presentation attributes only (no <style>), so the
// images render the same under any CSP and in any viewer.
import { textWidth } from './text-metrics';

/**
 * The label tables are written `as const` so that tuples keep their length; a render function takes the German
 * table's shape with every string widened, so the English table must match it entry for entry.
 */
export type Widen<T> = T extends string
  ? string
  : T extends readonly unknown[]
    ? { readonly [K in keyof T]: Widen<T[K]> }
    : { readonly [K in keyof T]: Widen<T[K]> };

export const FONT = "'Segoe UI', Arial, 'Liberation Sans', Helvetica, sans-serif";
export const C = {
  page: '#ffffff',
  frame: '#c8c6c4',
  chrome: '#f3f2f1',
  urlbar: '#ffffff',
  header: '#1f2a44',
  headerText: '#ffffff',
  nav: '#faf9f8',
  navSel: '#e1ecf7',
  text: '#242424',
  muted: '#616161',
  faint: '#d6d6d6',
  faint2: '#ebebeb',
  blue: '#0f6cbd',
  ok: '#107c10',
  hl: '#c43e00',
  hlFill: '#fff4ec',
  dim: '#000000',
};

export const esc = (s: string | number): string =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export interface TextOptions {
  size?: number;
  weight?: number;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  italic?: boolean;
}

export function text(x: number, y: number, s: string, o: TextOptions = {}): string {
  const size = o.size ?? 13;
  const attrs = [
    `x="${x}"`,
    `y="${y}"`,
    `font-size="${size}"`,
    o.weight ? `font-weight="${o.weight}"` : '',
    `fill="${o.fill ?? C.text}"`,
    o.anchor ? `text-anchor="${o.anchor}"` : '',
    o.italic ? 'font-style="italic"' : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(s)}</text>`;
}

export interface RectOptions {
  rx?: number;
  fill?: string;
  stroke?: string;
  sw?: number;
  dash?: string;
  opacity?: number;
}

export const rect = (x: number, y: number, w: number, h: number, o: RectOptions = {}): string =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}"${o.rx ? ` rx="${o.rx}"` : ''} fill="${o.fill ?? 'none'}"${
    o.stroke ? ` stroke="${o.stroke}" stroke-width="${o.sw ?? 1}"` : ''
  }${o.dash ? ` stroke-dasharray="${o.dash}"` : ''}${o.opacity ? ` fill-opacity="${o.opacity}"` : ''}/>`;

export const line = (
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  o: { stroke?: string; sw?: number; dash?: string } = {},
): string =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${o.stroke ?? C.faint}" stroke-width="${o.sw ?? 1}"${
    o.dash ? ` stroke-dasharray="${o.dash}"` : ''
  }/>`;

/** A grey placeholder bar standing in for text that does not matter here. */
export const bar = (x: number, y: number, w: number, o: { h?: number; fill?: string } = {}): string =>
  rect(x, y, w, o.h ?? 8, { fill: o.fill ?? C.faint2, rx: 4 });

export function button(
  x: number,
  y: number,
  label: string,
  o: { size?: number; w?: number; h?: number; primary?: boolean } = {},
): string {
  const size = o.size ?? 13;
  const w = o.w ?? buttonWidth(label, size);
  const h = o.h ?? 30;
  const primary = o.primary;
  return [
    rect(x, y, w, h, { rx: 4, fill: primary ? C.blue : '#ffffff', stroke: primary ? C.blue : '#8a8886' }),
    text(x + w / 2, y + h / 2 + size * 0.35, label, {
      size,
      anchor: 'middle',
      fill: primary ? '#ffffff' : C.text,
      weight: primary ? 600 : undefined,
    }),
  ].join('');
}
/** Sized for the bold label of a primary button, so a plain and a primary button with one label are equally wide. */
export const buttonWidth = (label: string, size = 13): number => textWidth(label, size, 600) + 28;

export function checkbox(x: number, y: number, checked: boolean, o: { s?: number } = {}): string {
  const s = o.s ?? 14;
  return (
    rect(x, y, s, s, { rx: 2, fill: checked ? C.blue : '#ffffff', stroke: checked ? C.blue : '#616161' }) +
    (checked
      ? `<path d="M${x + 3} ${y + s / 2} l${s * 0.25} ${s * 0.25} l${s * 0.42} -${s * 0.5}" fill="none" stroke="#ffffff" stroke-width="2"/>`
      : '')
  );
}

export function radio(x: number, y: number, checked: boolean): string {
  return `<circle cx="${x}" cy="${y}" r="7" fill="#ffffff" stroke="${checked ? C.blue : '#616161'}" stroke-width="1.5"/>${
    checked ? `<circle cx="${x}" cy="${y}" r="3.5" fill="${C.blue}"/>` : ''
  }`;
}

/** What a text box can change: its height and the size, colour and weight of its value. */
export interface FieldOptions {
  h?: number;
  size?: number;
  fill?: string;
  weight?: number;
}

export function field(x: number, y: number, w: number, value: string, o: FieldOptions = {}): string {
  const h = o.h ?? 30;
  return (
    rect(x, y, w, h, { rx: 4, fill: '#ffffff', stroke: '#8a8886' }) +
    text(x + 10, y + h / 2 + 4.5, value, { size: o.size ?? 13, fill: o.fill ?? C.text, weight: o.weight })
  );
}

/** A closed drop-down list: a text box with a chevron at its right end. */
export function dropdown(x: number, y: number, w: number, value: string, o: FieldOptions = {}): string {
  const h = o.h ?? 30;
  return (
    field(x, y, w, value, o) +
    `<path d="M${x + w - 20} ${y + h / 2 - 2} l5 5 l5 -5" fill="none" stroke="${C.muted}" stroke-width="1.5"/>`
  );
}

/** The copy icon Microsoft-style pages show next to a value. */
export const copyIcon = (x: number, y: number): string =>
  `<rect x="${x + 4}" y="${y}" width="10" height="12" rx="1.5" fill="none" stroke="${C.blue}" stroke-width="1.4"/><rect x="${x}" y="${y + 4}" width="10" height="12" rx="1.5" fill="#ffffff" stroke="${C.blue}" stroke-width="1.4"/>`;

/** The cross that closes a dialog or a side panel, 10 px square from its top-left corner. */
export const closeCross = (x: number, y: number): string =>
  `<path d="M${x} ${y} l10 10 M${x + 10} ${y} l-10 10" stroke="${C.muted}" stroke-width="1.5"/>`;

/** The width of a marker's pill with `label` (bold 13 px words). */
export const pillWidth = (label: string): number => textWidth(label, 13, 600) + 22;

/** Marks the control to use: outline, a numbered badge matching the instruction, a labelled pill with a leader line. */
export interface HighlightOptions {
  pad?: number;
  /** Where the number goes: a corner (t/b + l/r) or beside the middle (l, r). */
  badge?: 'tl' | 'tr' | 'bl' | 'br' | 'l' | 'r';
  /** Top-left corner of the pill. */
  label?: [number, number];
}

export function highlight(
  x: number,
  y: number,
  w: number,
  h: number,
  n?: number | null,
  label?: string | null,
  o: HighlightOptions = {},
): string {
  const pad = o.pad ?? 4;
  const hx = x - pad;
  const hy = y - pad;
  const hw = w + pad * 2;
  const hh = h + pad * 2;
  const parts = [rect(hx, hy, hw, hh, { rx: 6, stroke: C.hl, sw: 3 })];
  const badge = o.badge ?? 'tl';
  // Pushed a little off the corner, so the number does not sit on the first or last letter of what it marks.
  // Left or right of the middle when the corners are crowded.
  const side = badge.length === 1;
  const bx = badge.includes('r') ? hx + hw + (side ? 16 : 5) : hx - (side ? 16 : 5);
  const by = side ? hy + hh / 2 : badge.includes('b') ? hy + hh + 5 : hy - 5;
  if (label) {
    const size = 13;
    const lw = pillWidth(label);
    const lh = 26;
    const [lx, ly] = o.label ?? [hx + hw + 16, hy + hh / 2 - lh / 2];
    // Leader from the outline's nearest edge to the pill.
    const ax = lx + lw < hx ? hx : lx > hx + hw ? hx + hw : Math.min(Math.max(lx + lw / 2, hx), hx + hw);
    const ay = ly + lh < hy ? hy : ly > hy + hh ? hy + hh : hy + hh / 2;
    const px = lx + lw < hx ? lx + lw : lx > hx + hw ? lx : lx + lw / 2;
    const py = ly + lh < hy ? ly + lh : ly > hy + hh ? ly : ly + lh / 2;
    parts.push(line(ax, ay, px, py, { stroke: C.hl, sw: 2 }));
    parts.push(rect(lx, ly, lw, lh, { rx: 13, fill: C.hl }));
    parts.push(text(lx + lw / 2, ly + 17.5, label, { size, anchor: 'middle', fill: '#ffffff', weight: 600 }));
  }
  if (n !== undefined && n !== null) {
    parts.push(`<circle cx="${bx}" cy="${by}" r="12" fill="${C.hl}" stroke="#ffffff" stroke-width="2"/>`);
    parts.push(text(bx, by + 4.5, String(n), { size: 13, anchor: 'middle', fill: '#ffffff', weight: 700 }));
  }
  // data-marker lets the figure test match the number to the step's instructions.
  return `<g${n !== undefined && n !== null ? ` data-marker="${n}"` : ''}>${parts.join('')}</g>`;
}
export function svgDoc(W: number, H: number, title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Schematic illustration drawn for the Mailadapter Assistant (not a Microsoft screenshot). -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="${esc(FONT)}">
<title>${esc(title)}</title>
${body}
</svg>
`;
}
