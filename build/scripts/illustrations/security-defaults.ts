import { figureLabels } from './figure-labels';
import {
  bar,
  button,
  buttonWidth,
  C,
  dropdown,
  field,
  highlight,
  line,
  pillWidth,
  radio,
  svgDoc,
  text,
  type Widen,
} from './lib';
import { entraMenu, entraPage, sidePanel, tabs } from './page-parts';
import { textWidth } from './text-metrics';

export const labels = figureLabels('securityDefaults');

type Labels = Widen<(typeof labels)['de']>;

export function render(L: Labels): string {
  const W = 880;
  const H = 540;
  const menu = entraMenu(L.nav, { section: 2, pages: 5, selected: 3, closed: [1, 8] });
  const page = entraPage(W, H, L, menu, L.crumb, L.pageTitle);
  const out = [page.svg];
  // Main page
  const mx = 220;
  const tabRow = tabs(mx, 158, L.tabs, 2, 536);
  out.push(tabRow.svg);
  const [ptx, ptw] = tabRow.pos[2]!;
  let fy = 214;
  for (const [i, f] of L.fields.entries()) {
    out.push(text(mx, fy, f, { size: 12, weight: 600, fill: C.muted }));
    if (i === 0) out.push(field(mx, fy + 8, 300, L.tenant, { h: 26, size: 12 }));
    else out.push(bar(mx, fy + 12, 120 + ((i * 53) % 110)));
    fy += i === 0 ? 52 : 40;
  }
  out.push(line(mx, 410.5, 536, 410.5, { stroke: '#e1dfdd' }));
  out.push(text(mx, 436, L.section, { size: 14, weight: 600 }));
  out.push(bar(mx, 448, 280), bar(mx, 462, 220));
  const linkW = textWidth(L.link, 13);
  out.push(text(mx, 492, L.link, { size: 13, fill: C.blue }), line(mx, 495, mx + linkW, 495, { stroke: C.blue }));

  // Side panel
  const px = 556;
  out.push(sidePanel(px, W, H, L.panelTitle));
  const ix = px + 20;
  out.push(bar(ix, 124, 270), bar(ix, 138, 250), bar(ix, 152, 190));
  out.push(text(ix, 190, L.select, { size: 13, weight: 600 }));
  out.push(dropdown(ix, 200, 280, L.disabled));
  out.push(text(ix, 292, L.reason, { size: 13, weight: 600 }));
  for (let i = 0; i < 4; i++) {
    out.push(radio(ix + 8, 314 + i * 27, i === 3), bar(ix + 24, 310 + i * 27, 150 + ((i * 37) % 90)));
  }
  const saveW = buttonWidth(L.save);
  out.push(line(px, 476.5, W - 1, 476.5, { stroke: '#e1dfdd' }));
  out.push(button(ix, 490, L.save, { primary: true }), button(ix + saveW + 10, 490, L.cancel));

  // Highlights: numbers match the numbered instructions of the step.
  const sel = page.nav[3]!;
  out.push(highlight(8, sel.y! + 1, 184, 26, 2, null, { pad: 2, badge: 'tr' }));
  out.push(highlight(ptx, 143, ptw, 24, 2, L.pills.tab, { label: [ptx - 10, 176], badge: 'tr' }));
  out.push(highlight(mx, 478, linkW, 20, 3, L.pills.link, { label: [mx, 508] }));
  out.push(highlight(ix, 200, 280, 30, 4, L.pills.select, { label: [ix, 240], badge: 'tr' }));
  out.push(highlight(ix - 2, 302, 250, 104, 5, null, { badge: 'tr' }));
  const savePill = Math.min(ix + saveW + 10, W - 12 - pillWidth(L.pills.save));
  out.push(highlight(ix, 490, saveW, 30, 5, L.pills.save, { label: [savePill, 446], badge: 'bl' }));
  return svgDoc(W, H, L.title, out.join('\n'));
}
