// The mailbox user's "Security info" page (mysignins.microsoft.com) in three states:
// adding a method, naming and copying the app password, and the list with existing app passwords.
import { at, figureLabels } from './figure-labels';
import {
  bar,
  button,
  buttonWidth,
  C,
  closeCross,
  copyIcon,
  field,
  highlight,
  line,
  rect,
  svgDoc,
  text,
  type Widen,
} from './lib';
import { frame, navList } from './page-parts';
import { textWidth } from './text-metrics';

export const labels = figureLabels('securityInfo');

const W = 880;
const H = 500;

type Labels = Widen<(typeof labels)['de']>;

function page(L: Labels, rows: readonly (readonly string[])[]) {
  const out = [
    frame(W, H, 'mysignins.microsoft.com/security-info', L.product, {
      headerFill: '#ffffff',
      headerText: C.text,
      initials: 'AG',
    }),
  ];
  // The user portal's header is light: a rule sets it off from the page.
  out.push(line(0.5, 74.5, W - 0.5, 74.5, { stroke: '#e1dfdd' }));
  // Wider than the Entra navigation: “Sicherheitsinformationen” has to fit in bold.
  const nav = 232;
  out.push(rect(0.5, 75, nav, H - 75.5, { fill: C.nav }), line(nav + 0.5, 75, nav + 0.5, H - 1, { stroke: '#e1dfdd' }));
  out.push(
    navList(
      0,
      90,
      nav,
      L.nav.map((label, i) => ({ label, selected: i === 1 })),
    ).svg,
  );
  const mx = nav + 24;
  out.push(text(mx, 116, L.pageTitle, { size: 20, weight: 600 }));
  out.push(bar(mx, 130, 360), text(mx, 166, L.defaultMethod, { size: 12, fill: C.muted }));
  out.push(
    `<path d="M${mx + 6} 186 v12 M${mx} 192 h12" stroke="${C.blue}" stroke-width="1.8"/>`,
    text(mx + 20, 196.5, L.add, { size: 13, fill: C.blue }),
  );
  const rowY: number[] = [];
  rows.forEach((r, i) => {
    const y = 252 + i * 44;
    rowY.push(y);
    out.push(rect(mx, y, W - 30 - mx, 40, { rx: 4, fill: '#ffffff', stroke: '#edebe9' }));
    out.push(`<circle cx="${mx + 20}" cy="${y + 20}" r="9" fill="none" stroke="${C.muted}" stroke-width="1.4"/>`);
    out.push(text(mx + 40, y + 25, at(r, 0), { size: 13, weight: 600 }));
    if (r[1]) out.push(text(mx + 230, y + 25, r[1], { size: 13, fill: C.muted }));
    out.push(text(W - 50, y + 25, L.del, { size: 13, fill: C.blue, anchor: 'end' }));
  });
  return { svg: out.join('\n'), mx, rowY };
}

/** The “add sign-in method” link: plus sign, gap, words. Its marker's number goes to the right, clear of the plus and the line above. */
const addWidth = (L: Labels) => 20 + textWidth(L.add, 13) + 2;

const dim = () => rect(0, 35, W, H - 35, { fill: C.dim, opacity: 0.28 });

function dialog(x: number, y: number, w: number, h: number, title: string): string {
  return [
    rect(x + 3, y + 5, w, h, { rx: 8, fill: '#000000', opacity: 0.12 }),
    rect(x, y, w, h, { rx: 8, fill: '#ffffff', stroke: '#c8c6c4' }),
    text(x + 22, y + 36, title, { size: 17, weight: 600 }),
    closeCross(x + w - 30, y + 22),
  ].join('');
}

export function renderAdd(L: Labels): string {
  const p = page(
    L,
    L.methods.map((m) => [m, '']),
  );
  const out = [p.svg, dim()];
  const dx = 490;
  const dy = 110;
  const dw = 370;
  out.push(dialog(dx, dy, dw, 300, L.dialogAdd));
  L.choices.forEach((c, i) => {
    const y = dy + 62 + i * 44;
    out.push(rect(dx + 20, y, dw - 40, 38, { rx: 4, fill: i === 4 ? '#eff6fc' : '#ffffff', stroke: '#edebe9' }));
    out.push(`<circle cx="${dx + 40}" cy="${y + 19}" r="8" fill="none" stroke="${C.muted}" stroke-width="1.4"/>`);
    out.push(text(dx + 58, y + 24, c, { size: 13, weight: i === 4 ? 600 : undefined }));
  });
  out.push(highlight(p.mx, 182, addWidth(L), 22, 3, L.pills.add, { label: [p.mx + 30, 214], badge: 'r' }));
  out.push(
    highlight(dx + 20, dy + 62 + 4 * 44, dw - 40, 38, 3, L.pills.choose, { label: [dx + 40, dy + 320], badge: 'tr' }),
  );
  return svgDoc(W, H, L.titles.add, out.join('\n'));
}

export function renderCopy(L: Labels): string {
  const p = page(
    L,
    L.methods.map((m) => [m, '']),
  );
  const out = [p.svg, dim()];
  // First dialog: the name; second: the password, shown once.
  const w = 360;
  const a = { x: 60, y: 120 };
  const b = { x: 470, y: 120 };
  out.push(dialog(a.x, a.y, w, 250, L.dialogName));
  out.push(bar(a.x + 22, a.y + 56, 280), bar(a.x + 22, a.y + 70, 220));
  out.push(
    text(a.x + 22, a.y + 108, L.nameLabel, { size: 13, weight: 600 }),
    field(a.x + 22, a.y + 116, w - 44, 'agorumimap'),
  );
  const nextW = buttonWidth(L.next);
  out.push(
    button(a.x + w - 22 - nextW, a.y + 176, L.next, { primary: true }),
    button(a.x + w - 22 - nextW - 10 - buttonWidth(L.cancel), a.y + 176, L.cancel),
  );
  out.push(
    `<path d="M${a.x + w + 12} ${a.y + 115} h${b.x - a.x - w - 26}" stroke="#ffffff" stroke-width="3"/><path d="M${b.x - 16} ${a.y + 107} l10 8 l-10 8" fill="none" stroke="#ffffff" stroke-width="3"/>`,
  );
  out.push(dialog(b.x, b.y, w, 250, L.dialogName));
  out.push(
    text(b.x + 22, b.y + 72, L.nameLabel, { size: 12, fill: C.muted }),
    text(b.x + 22, b.y + 90, 'agorumimap', { size: 13 }),
  );
  out.push(text(b.x + 22, b.y + 124, L.pwLabel, { size: 12, fill: C.muted }));
  out.push(rect(b.x + 22, b.y + 132, w - 44, 34, { rx: 4, fill: '#f5f5f5', stroke: '#e1dfdd' }));
  out.push(
    `<text x="${b.x + 34}" y="${b.y + 154}" font-size="14" font-family="Consolas, 'DejaVu Sans Mono', monospace" fill="${C.text}">qzvbnrtkplwxmhcd</text>`,
  );
  out.push(copyIcon(b.x + w - 52, b.y + 141));
  out.push(text(b.x + 22, b.y + 186, L.shownOnce, { size: 12, fill: C.hl, weight: 600 }));
  out.push(button(b.x + 22, b.y + 194, L.done, { primary: true }));
  out.push(highlight(a.x + 22, a.y + 116, w - 44, 30, 4, L.pills.name, { label: [a.x + 22, a.y + 290], badge: 'bl' }));
  out.push(
    highlight(b.x + w - 58, b.y + 136, 26, 26, 5, L.pills.copy, { label: [b.x + w - 110, b.y + 290], badge: 'tr' }),
  );
  return svgDoc(W, H, L.titles.copy, out.join('\n'));
}

export function renderList(L: Labels): string {
  const rows = [[at(L.methods, 0), ''] as const, ...L.existing];
  const p = page(L, rows);
  const out = [p.svg];
  out.push(
    highlight(p.mx, 182, addWidth(L), 22, 3, L.pills.addMore, {
      label: [p.mx + addWidth(L) + 44, 180],
      badge: 'r',
    }),
  );
  const y = p.rowY[2]!;
  const dw = textWidth(L.del, 13);
  out.push(highlight(W - 50 - dw, y + 10, dw, 20, 4, L.pills.del, { label: [W - 50 - dw - 260, y + 64], badge: 'tr' }));
  return svgDoc(W, H, L.titles.list, out.join('\n'));
}
