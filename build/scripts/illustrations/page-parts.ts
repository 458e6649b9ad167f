// Page furniture shared by the portal pictures: the browser frame, the Entra admin center's menu, tabs and side panel.
import { C, closeCross, line, rect, text } from './lib';
import { textWidth } from './text-metrics';

/** Browser-like frame: address strip with the host, the portal's header bar, an avatar. */
export function frame(
  W: number,
  H: number,
  host: string,
  product: string,
  o: { headerFill?: string; headerText?: string; grid?: boolean; initials?: string } = {},
): string {
  return [
    rect(0.5, 0.5, W - 1, H - 1, { rx: 10, fill: C.page, stroke: C.frame }),
    `<path d="M0.5 10.5 a10 10 0 0 1 10 -10 h${W - 21} a10 10 0 0 1 10 10 v23.5 h-${W - 1} z" fill="${C.chrome}"/>`,
    line(0.5, 34, W - 0.5, 34, { stroke: C.frame }),
    `<circle cx="18" cy="17" r="5" fill="#d0cfcd"/><circle cx="34" cy="17" r="5" fill="#d0cfcd"/><circle cx="50" cy="17" r="5" fill="#d0cfcd"/>`,
    rect(72, 7, Math.min(420, W - 140), 20, { rx: 10, fill: C.urlbar, stroke: '#e1dfdd' }),
    `<path d="M84 13 v-1.5 a3.5 3.5 0 0 1 7 0 v1.5" fill="none" stroke="${C.muted}" stroke-width="1.3"/>${rect(82.5, 13, 10, 8, { rx: 1.5, fill: C.muted })}`,
    text(100, 21.5, host, { size: 12, fill: C.muted }),
    rect(0.5, 34.5, W - 1, 40, { fill: o.headerFill ?? C.header }),
    o.grid === false ? '' : gridIcon(16, 46),
    text(o.grid === false ? 18 : 46, 59.5, product, { size: 15, weight: 600, fill: o.headerText ?? C.headerText }),
    `<circle cx="${W - 28}" cy="54.5" r="13" fill="#8764b8"/>`,
    text(W - 28, 59, o.initials ?? 'AD', { size: 11, anchor: 'middle', fill: '#ffffff', weight: 600 }),
  ].join('');
}

const gridIcon = (x: number, y: number): string => {
  const d: string[] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) d.push(rect(x + i * 6, y + j * 6, 3, 3, { fill: '#ffffff' }));
  return d.join('');
};

export interface NavItem {
  label: string;
  selected?: boolean;
  bold?: boolean;
  indent?: boolean;
  /** undefined: no chevron. */
  expanded?: boolean;
  /** Set by navList: the item's top edge. */
  y?: number;
}

export function navList(
  x: number,
  y: number,
  w: number,
  items: NavItem[],
): { svg: string; end: number; items: NavItem[] } {
  const parts: string[] = [];
  let cy = y;
  for (const it of items) {
    const h = 30;
    if (it.selected)
      parts.push(
        rect(x + 6, cy, w - 12, h - 2, { rx: 4, fill: C.navSel }),
        rect(x + 6, cy + 6, 3, h - 14, { rx: 1.5, fill: C.blue }),
      );
    const indent = it.indent ? 14 : 0;
    parts.push(
      `<circle cx="${x + 22 + indent}" cy="${cy + 14}" r="5" fill="none" stroke="${it.selected ? C.blue : C.muted}" stroke-width="1.4"/>`,
    );
    parts.push(
      text(x + 36 + indent, cy + 18.5, it.label, {
        size: 12,
        weight: it.bold || it.selected ? 600 : undefined,
      }),
    );
    if (it.expanded !== undefined)
      parts.push(
        `<path d="${it.expanded ? `M${x + w - 24} ${cy + 11} l4 4 l4 -4` : `M${x + w - 22} ${cy + 9} l4 4 l-4 4`}" fill="none" stroke="${C.muted}" stroke-width="1.4"/>`,
      );
    it.y = cy;
    cy += h;
  }
  return { svg: parts.join(''), end: cy, items };
}

/** Where the Entra admin center's menu is open: a section (bold, its pages indented below it) and one page. */
interface EntraMenuOptions {
  /** The open section's index. */
  section: number;
  /** How many of the entries after the section are its pages. */
  pages: number;
  selected: number;
  /** A page that is itself open, with its own entries below it. */
  openPage?: number;
  /** Entries drawn with a closed chevron. */
  closed?: readonly number[];
}

/** The Entra admin center's menu entries for navList, from its labels in menu order. */
export function entraMenu(labels: readonly string[], o: EntraMenuOptions): NavItem[] {
  return labels.map((label, i) => ({
    label,
    indent: i > o.section && i <= o.section + o.pages,
    bold: i === o.section,
    selected: i === o.selected,
    expanded: i === o.section || i === o.openPage ? true : o.closed?.includes(i) ? false : undefined,
  }));
}

/** The Entra admin center around a page: frame, left navigation, breadcrumb and title. Returns the nav items (with y). */
export function entraPage(
  W: number,
  H: number,
  L: { product: string },
  navItems: NavItem[],
  crumb: string,
  title: string,
): { svg: string; nav: NavItem[] } {
  const out = [frame(W, H, 'entra.microsoft.com', L.product)];
  out.push(rect(0.5, 75, 200, H - 75.5, { fill: C.nav }), line(200.5, 75, 200.5, H - 1, { stroke: '#e1dfdd' }));
  const nav = navList(0, 86, 200, navItems);
  out.push(nav.svg);
  out.push(text(220, 98, crumb, { size: 12, fill: C.muted }));
  out.push(text(220, 126, title, { size: 18, weight: 600 }));
  return { svg: out.join('\n'), nav: nav.items };
}

/** A panel opened over the right part of an Entra page, from `x` to the frame: shadow, sheet, title, close cross. */
export function sidePanel(x: number, W: number, H: number, title: string): string {
  return [
    rect(x - 6, 75, 6, H - 76, { fill: '#000000', opacity: 0.06 }),
    rect(x, 75, W - x - 0.5, H - 75.5, { fill: '#ffffff' }),
    line(x + 0.5, 75, x + 0.5, H - 1, { stroke: '#c8c6c4' }),
    text(x + 20, 108, title, { size: 17, weight: 600 }),
    closeCross(W - 34, 96),
  ].join('\n');
}

/** A row of tabs with the active one underlined; returns each tab's x and width. */
export function tabs(
  x: number,
  y: number,
  labels: readonly string[],
  active: number,
  right: number,
): { svg: string; pos: [number, number][] } {
  const out: string[] = [];
  const pos: [number, number][] = [];
  let tx = x;
  for (const [i, t] of labels.entries()) {
    // Bold widths for every tab, so the tabs stand where they stood whichever one is active.
    const w = textWidth(t, 13, 600);
    pos.push([tx, w]);
    out.push(
      text(tx, y, t, { size: 13, weight: i === active ? 600 : undefined, fill: i === active ? C.text : C.muted }),
    );
    tx += w + 16;
  }
  out.push(line(x, y + 10.5, right, y + 10.5, { stroke: '#e1dfdd' }));
  const [ax, aw] = pos[active]!;
  out.push(rect(ax, y + 8, aw, 3, { fill: C.blue, rx: 1.5 }));
  return { svg: out.join(''), pos };
}
