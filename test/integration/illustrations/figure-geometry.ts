/**
 * Measures a rendered step illustration: every text's box as the browser lays it out, the shapes painted beneath
 * it, and the numbered markers with what they outline. All boxes are in the figure's own coordinates (viewBox).
 */

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface MeasuredText {
  text: string;
  box: Box;
  /** The text's anchor (its x, half an x-height above the baseline): the point that says where it was placed. */
  anchor: { x: number; y: number };
  /** Shapes painted before the text whose box holds the anchor, topmost first: [0] is what the text sits on. */
  beneath: { shape: string; box: Box; index: number }[];
}

export interface MeasuredMarker {
  n: number;
  /** The outline drawn around the control, inner edge (the stroke does not count as room). */
  outline: Box;
  /** Texts whose anchor lies inside the outline, excluding the marker's own pill and number. */
  marked: { text: string; box: Box }[];
  /** The words on the marker's own pill, if it has one. */
  label?: string;
  /** Other texts that the marker's pill or number badge lies on top of. */
  covered: string[];
}

export interface MeasuredFigure {
  viewBox: Box;
  texts: MeasuredText[];
  /** Small drawn symbols (chevrons, ticks, arrows, the close cross): a label must not run into one. */
  icons: { shape: string; box: Box }[];
  markers: MeasuredMarker[];
}

/**
 * Runs in the page (serialised by Playwright, so it must not close over anything). A marker is the `<g>` that
 * lib.ts's highlight() emits: `data-marker` carries its number, its first child is the outline.
 */
export function measureFigure(): MeasuredFigure {
  const svg = document.querySelector('svg')!;
  const [vx, vy, vw, vh] = svg.getAttribute('viewBox')!.split(/\s+/).map(Number) as [number, number, number, number];
  const toRoot = (el: SVGGraphicsElement): Box => {
    const b = el.getBBox();
    const m = el.getCTM()!;
    const xs = [b.x, b.x + b.width].map((x) => x * m.a + m.e);
    const ys = [b.y, b.y + b.height].map((y) => y * m.d + m.f);
    return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
  };
  const inside = (p: { x: number; y: number }, b: Box) => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;

  const shapes = [...svg.querySelectorAll<SVGGraphicsElement>('rect, circle')].map((el, index) => ({
    el,
    index,
    shape: el.outerHTML.slice(0, 120),
    box: toRoot(el),
  }));
  const anchorOf = (t: SVGTextElement) => {
    const m = t.getCTM()!;
    const size = Number(t.getAttribute('font-size') ?? 13);
    const x = Number(t.getAttribute('x'));
    const y = Number(t.getAttribute('y')) - size * 0.35;
    return { x: x * m.a + m.e, y: y * m.d + m.f };
  };

  const texts = [...svg.querySelectorAll<SVGTextElement>('text')].map((t) => {
    const anchor = anchorOf(t);
    const beneath = shapes
      .filter((s) => s.el.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING && inside(anchor, s.box))
      .reverse()
      .map(({ shape, box, index }) => ({ shape, box, index }));
    return { text: t.textContent ?? '', box: toRoot(t), anchor, beneath };
  });

  const markers = [...svg.querySelectorAll<SVGGElement>('g[data-marker]')].map((g) => {
    const ring = g.firstElementChild as SVGRectElement;
    const half = Number(ring.getAttribute('stroke-width') ?? 0) / 2;
    const b = toRoot(ring);
    const outline = { x1: b.x1 + half, y1: b.y1 + half, x2: b.x2 - half, y2: b.y2 - half };
    const own = new Set(g.querySelectorAll('text'));
    const n = Number(g.dataset.marker);
    const label = [...own].map((t) => t.textContent ?? '').find((t) => t !== String(n));
    const marked = [...svg.querySelectorAll<SVGTextElement>('text')]
      .filter((t) => !own.has(t) && inside(anchorOf(t), outline))
      .map((t) => ({ text: t.textContent ?? '', box: toRoot(t) }));
    // The glyphs, not the line box: cap height above the baseline, descenders below.
    const ink = (t: SVGTextElement): Box => {
      const b = toRoot(t);
      const size = Number(t.getAttribute('font-size') ?? 13);
      const base = anchorOf(t).y + size * 0.35;
      return { x1: b.x1, y1: base - size * 0.74, x2: b.x2, y2: base + size * 0.22 };
    };
    const hits = (el: SVGGraphicsElement, b: Box) => {
      const c = toRoot(el);
      if (el.tagName === 'circle') {
        const [cx, cy, r] = [(c.x1 + c.x2) / 2, (c.y1 + c.y2) / 2, (c.x2 - c.x1) / 2];
        const dx = Math.max(b.x1 - cx, 0, cx - b.x2);
        const dy = Math.max(b.y1 - cy, 0, cy - b.y2);
        return Math.hypot(dx, dy) < r - 1;
      }
      return Math.min(b.x2, c.x2) - Math.max(b.x1, c.x1) > 1 && Math.min(b.y2, c.y2) - Math.max(b.y1, c.y1) > 1;
    };
    const badges = [...g.querySelectorAll<SVGGraphicsElement>('rect, circle')].filter((el) => el !== ring);
    const covered = [...svg.querySelectorAll<SVGTextElement>('text')]
      .filter((t) => !own.has(t) && badges.some((el) => hits(el, ink(t))))
      .map((t) => t.textContent ?? '');
    return { n, outline, marked, covered, ...(label ? { label } : {}) };
  });

  const icons = [...svg.querySelectorAll<SVGPathElement>('path')]
    .map((el) => ({ shape: el.outerHTML.slice(0, 120), box: toRoot(el) }))
    .filter(({ box }) => box.x2 - box.x1 < 40 && box.y2 - box.y1 < 40);

  return { viewBox: { x1: vx, y1: vy, x2: vx + vw, y2: vy + vh }, texts, icons, markers };
}

const within = (inner: Box, outer: Box, slack = 0.5) =>
  inner.x1 >= outer.x1 - slack &&
  inner.y1 >= outer.y1 - slack &&
  inner.x2 <= outer.x2 + slack &&
  inner.y2 <= outer.y2 + slack;

/** Overlap by more than `hair` in both directions; a negative hair asks for that much clearance. */
const overlap = (a: Box, b: Box, hair = 1) =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > hair && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > hair;

const show = (b: Box) => `[${[b.x1, b.y1, b.x2, b.y2].map((v) => v.toFixed(1)).join(', ')}]`;

/**
 * Every text that is cut off or covered: outside the figure, outside the shape it sits on, running into another
 * text or a symbol, or across a marker's outline.
 */
export function clippedTexts(figure: MeasuredFigure): string[] {
  const problems: string[] = [];
  figure.texts.forEach((t, i) => {
    // Texts on different surfaces may overlap: a dialog covers the page behind it.
    for (const other of figure.texts.slice(i + 1))
      if (t.beneath[0]?.index === other.beneath[0]?.index && overlap(t.box, other.box))
        problems.push(`“${t.text}” ${show(t.box)} runs into “${other.text}”`);
    for (const icon of figure.icons)
      if (overlap(t.box, icon.box, -2))
        problems.push(`“${t.text}” ${show(t.box)} comes closer than 2 px to ${icon.shape}`);
  });
  for (const t of figure.texts) {
    if (!within(t.box, figure.viewBox, 0)) problems.push(`“${t.text}” ${show(t.box)} leaves the figure`);
    const base = t.beneath[0];
    if (base && !within(t.box, base.box))
      problems.push(`“${t.text}” ${show(t.box)} overflows ${show(base.box)} ${base.shape}`);
  }
  for (const m of figure.markers) for (const t of m.covered) problems.push(`marker ${m.n} covers “${t}”`);
  for (const m of figure.markers)
    for (const t of m.marked)
      if (!within(t.box, m.outline))
        problems.push(`“${t.text}” ${show(t.box)} crosses the outline of marker ${m.n} ${show(m.outline)}`);
  return problems;
}
