import { at, figureLabels } from './figure-labels';
import { C, checkbox, highlight, line, rect, svgDoc, text, type Widen } from './lib';
import { entraMenu, entraPage, tabs } from './page-parts';
import { textWidth } from './text-metrics';

export const labels = figureLabels('perUserMfa');

type Labels = Widen<(typeof labels)['de']>;

/**
 * The per-user MFA page inside the Entra admin center (Users › All users selected) with the `active` one of its two
 * tabs open; shared with the service-settings picture. Returns the parts drawn so far, to add to.
 */
export function mfaPage(
  W: number,
  H: number,
  L: Pick<Labels, 'product' | 'nav' | 'crumb' | 'pageTitle' | 'tabs'>,
  active: number,
) {
  const menu = entraMenu(L.nav, { section: 1, pages: 5, openPage: 3, selected: 4, closed: [7] });
  const page = entraPage(W, H, L, menu, L.crumb, L.pageTitle);
  const tabRow = tabs(220, 160, L.tabs, active, W - 20);
  const [sx, sw] = tabRow.pos[1]!;
  return {
    out: [page.svg, tabRow.svg],
    /** Step 6 in both pictures: the service settings tab. */
    serviceTab: (pill: string) => highlight(sx, 145, sw, 22, 6, pill, { label: [sx + sw + 44, 143], badge: 'r' }),
  };
}

export function render(L: Labels): string {
  const W = 880;
  const H = 530;
  const { out, serviceTab } = mfaPage(W, H, L, 0);
  const mx = 220;
  // Toolbar
  const ax: [number, number][] = [];
  let x = mx;
  for (const a of L.actions) {
    const w = textWidth(a, 13) + 22;
    ax.push([x, w]);
    out.push(`<circle cx="${x + 6}" cy="${244}" r="5" fill="none" stroke="${C.blue}" stroke-width="1.4"/>`);
    out.push(text(x + 16, 248.5, a, { size: 13 }));
    x += w + 18;
  }
  // Table
  const cx = [mx + 34, mx + 196, mx + 452] as const;
  const ty = 290;
  out.push(line(mx, ty + 10.5, W - 20, ty + 10.5, { stroke: '#e1dfdd' }));
  out.push(checkbox(mx + 8, ty - 9, false));
  L.cols.forEach((c, i) => out.push(text(cx[i]!, ty + 2, c, { size: 12, weight: 600, fill: C.muted })));
  L.rows.forEach((r, i) => {
    const y = ty + 20 + i * 40;
    const picked = i === 3;
    if (picked) out.push(rect(mx, y, W - 20 - mx, 38, { fill: '#eff6fc' }));
    out.push(line(mx, y + 38.5, W - 20, y + 38.5, { stroke: '#edebe9' }));
    out.push(checkbox(mx + 8, y + 12, picked));
    out.push(text(cx[0], y + 24, at(r, 0), { size: 13 }), text(cx[1], y + 24, at(r, 1), { size: 13, fill: C.muted }));
    const color = at(r, 2) === at(at(L.rows, 3), 2) ? C.ok : C.text;
    out.push(text(cx[2], y + 24, at(r, 2), { size: 13, weight: picked ? 600 : undefined, fill: color }));
  });
  const row = ty + 20 + 120;
  out.push(highlight(mx + 8, row + 12, 14, 14, 2, L.pills.tick, { label: [mx + 40, 490], pad: 5, badge: 'tl' }));
  const [enable, , enforce] = ax as [[number, number], [number, number], [number, number]];
  out.push(highlight(enable[0], 234, enable[1], 20, 3, L.pills.enable, { label: [enable[0] + 10, 186], badge: 'tl' }));
  out.push(
    highlight(enforce[0], 234, enforce[1], 20, 4, L.pills.enforce, { label: [enforce[0] + 10, 186], badge: 'tl' }),
  );
  out.push(
    highlight(cx[2] - 4, row + 6, textWidth(at(at(L.rows, 3), 2), 13, 600) + 8, 26, 5, L.pills.status, {
      label: [cx[2] + textWidth(at(at(L.rows, 3), 2), 13, 600) + 30, row + 6],
      badge: 'tl',
    }),
  );
  out.push(serviceTab(L.pills.service));
  return svgDoc(W, H, L.title, out.join('\n'));
}
