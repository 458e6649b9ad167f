// Tiny SVG builder for schematic portal illustrations. Presentation attributes only (no <style>), so the
// images render the same under any CSP and in any viewer.
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

export const esc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const textWidth = (s, size) => String(s).length * size * 0.56;

export function text(x, y, s, o = {}) {
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

export const rect = (x, y, w, h, o = {}) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}"${o.rx ? ` rx="${o.rx}"` : ''} fill="${o.fill ?? 'none'}"${
    o.stroke ? ` stroke="${o.stroke}" stroke-width="${o.sw ?? 1}"` : ''
  }${o.dash ? ` stroke-dasharray="${o.dash}"` : ''}${o.opacity ? ` fill-opacity="${o.opacity}"` : ''}/>`;

export const line = (x1, y1, x2, y2, o = {}) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${o.stroke ?? C.faint}" stroke-width="${o.sw ?? 1}"${
    o.dash ? ` stroke-dasharray="${o.dash}"` : ''
  }/>`;

/** A grey placeholder bar standing in for text that does not matter here. */
export const bar = (x, y, w, o = {}) => rect(x, y, w, o.h ?? 8, { fill: o.fill ?? C.faint2, rx: 4 });

export function button(x, y, label, o = {}) {
  const size = o.size ?? 13;
  const w = o.w ?? Math.round(textWidth(label, size) + 28);
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
export const buttonWidth = (label, size = 13) => Math.round(textWidth(label, size) + 28);

export function checkbox(x, y, checked, o = {}) {
  const s = o.s ?? 14;
  return (
    rect(x, y, s, s, { rx: 2, fill: checked ? C.blue : '#ffffff', stroke: checked ? C.blue : '#616161' }) +
    (checked
      ? `<path d="M${x + 3} ${y + s / 2} l${s * 0.25} ${s * 0.25} l${s * 0.42} -${s * 0.5}" fill="none" stroke="#ffffff" stroke-width="2"/>`
      : '')
  );
}

export function radio(x, y, checked) {
  return `<circle cx="${x}" cy="${y}" r="7" fill="#ffffff" stroke="${checked ? C.blue : '#616161'}" stroke-width="1.5"/>${
    checked ? `<circle cx="${x}" cy="${y}" r="3.5" fill="${C.blue}"/>` : ''
  }`;
}

export function dropdown(x, y, w, value, o = {}) {
  const h = o.h ?? 30;
  return [
    rect(x, y, w, h, { rx: 4, fill: '#ffffff', stroke: '#8a8886' }),
    text(x + 10, y + h / 2 + 4.5, value, { size: o.size ?? 13 }),
    `<path d="M${x + w - 20} ${y + h / 2 - 2} l5 5 l5 -5" fill="none" stroke="${C.muted}" stroke-width="1.5"/>`,
  ].join('');
}

export function field(x, y, w, value, o = {}) {
  const h = o.h ?? 30;
  return (
    rect(x, y, w, h, { rx: 4, fill: '#ffffff', stroke: '#8a8886' }) +
    text(x + 10, y + h / 2 + 4.5, value, { size: o.size ?? 13, fill: o.fill ?? C.text, weight: o.weight })
  );
}

/** The copy icon Microsoft-style pages show next to a value. */
export const copyIcon = (x, y) =>
  `<rect x="${x + 4}" y="${y}" width="10" height="12" rx="1.5" fill="none" stroke="${C.blue}" stroke-width="1.4"/><rect x="${x}" y="${y + 4}" width="10" height="12" rx="1.5" fill="#ffffff" stroke="${C.blue}" stroke-width="1.4"/>`;

/** Marks the control to use: outline, a numbered badge matching the instruction, a labelled pill with a leader line. */
export function highlight(x, y, w, h, n, label, o = {}) {
  const pad = o.pad ?? 4;
  const hx = x - pad;
  const hy = y - pad;
  const hw = w + pad * 2;
  const hh = h + pad * 2;
  const parts = [rect(hx, hy, hw, hh, { rx: 6, stroke: C.hl, sw: 3 })];
  const badge = o.badge ?? 'tl';
  const bx = badge.includes('r') ? hx + hw : hx;
  const by = badge.includes('b') ? hy + hh : hy;
  if (label) {
    const size = 13;
    const lw = Math.round(textWidth(label, size) + 22);
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
  return `<g>${parts.join('')}</g>`;
}

/** Browser-like frame: address strip with the host, the portal's header bar, an avatar. */
export function frame(W, H, host, product, o = {}) {
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
    text(o.grid === false ? 18 : 46, 59.5, product, { size: 15, weight: 600, fill: C.headerText }),
    `<circle cx="${W - 28}" cy="54.5" r="13" fill="#8764b8"/>`,
    text(W - 28, 59, o.initials ?? 'AD', { size: 11, anchor: 'middle', fill: '#ffffff', weight: 600 }),
  ].join('');
}

const gridIcon = (x, y) => {
  const d = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) d.push(rect(x + i * 6, y + j * 6, 3, 3, { fill: '#ffffff' }));
  return d.join('');
};

export function navList(x, y, w, items) {
  const parts = [];
  let cy = y;
  for (const it of items) {
    const h = 30;
    if (it.selected)
      parts.push(
        rect(x + 6, cy, w - 12, h - 2, { rx: 4, fill: C.navSel }),
        rect(x + 6, cy + 6, 3, h - 14, { rx: 1.5, fill: C.blue }),
      );
    const indent = it.indent ? 22 : 0;
    parts.push(
      `<circle cx="${x + 22 + indent}" cy="${cy + 14}" r="5" fill="none" stroke="${it.selected ? C.blue : C.muted}" stroke-width="1.4"/>`,
    );
    parts.push(
      text(x + 36 + indent, cy + 18.5, it.label, {
        size: 13,
        weight: it.bold || it.selected ? 600 : undefined,
        fill: it.selected ? C.text : C.text,
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

export function svgDoc(W, H, title, body) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Schematic illustration drawn for the Mailadapter Assistant (not a Microsoft screenshot). -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="${esc(FONT)}">
<title>${esc(title)}</title>
${body}
</svg>
`;
}

/** The Entra admin center around a page: frame, left navigation, breadcrumb and title. Returns the nav items (with y). */
export function entraPage(W, H, L, navItems, crumb, title) {
  const out = [frame(W, H, 'entra.microsoft.com', L.product)];
  out.push(rect(0.5, 75, 200, H - 75.5, { fill: C.nav }), line(200.5, 75, 200.5, H - 1, { stroke: '#e1dfdd' }));
  const nav = navList(0, 86, 200, navItems);
  out.push(nav.svg);
  out.push(text(220, 98, crumb, { size: 12, fill: C.muted }));
  out.push(text(220, 126, title, { size: 18, weight: 600 }));
  return { svg: out.join('\n'), nav: nav.items };
}

/** A row of tabs with the active one underlined; returns each tab's x and width. */
export function tabs(x, y, labels, active, right) {
  const out = [];
  const pos = [];
  let tx = x;
  for (const [i, t] of labels.entries()) {
    const w = textWidth(t, 13);
    pos.push([tx, w]);
    out.push(
      text(tx, y, t, { size: 13, weight: i === active ? 600 : undefined, fill: i === active ? C.text : C.muted }),
    );
    tx += w + 22;
  }
  out.push(line(x, y + 10.5, right, y + 10.5, { stroke: '#e1dfdd' }));
  const [ax, aw] = pos[active];
  out.push(rect(ax, y + 8, aw, 3, { fill: C.blue, rx: 1.5 }));
  return { svg: out.join(''), pos };
}
