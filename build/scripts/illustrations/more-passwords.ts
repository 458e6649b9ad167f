import { at, figureLabels } from './figure-labels';
import { bar, C, highlight, line, rect, svgDoc, text, type Widen } from './lib';
import { frame } from './page-parts';
import { textWidth } from './text-metrics';

export const labels = figureLabels('morePasswords');

type Labels = Widen<(typeof labels)['de']>;

export function render(L: Labels): string {
  const W = 880;
  const H = 440;
  const fw = 420;
  const out = [];
  // A: portal.office.com with the account menu open.
  out.push(`<g>${frame(fw, H, 'portal.office.com', L.office, { initials: 'AG' })}`);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 2; j++) out.push(rect(24 + i * 70, 100 + j * 70, 56, 56, { rx: 8, fill: C.faint2 }));
  out.push(bar(24, 260, 200), bar(24, 278, 160), bar(24, 296, 180));
  const mx = fw - 250;
  out.push(
    rect(mx + 3, 80, 236, 200, { rx: 6, fill: '#000000', opacity: 0.12 }),
    rect(mx, 77, 236, 200, { rx: 6, fill: '#ffffff', stroke: '#c8c6c4' }),
  );
  out.push(
    `<circle cx="${mx + 40}" cy="${77 + 48}" r="22" fill="#8764b8"/>`,
    text(mx + 40, 77 + 53, 'AG', { size: 13, anchor: 'middle', fill: '#ffffff', weight: 600 }),
  );
  out.push(
    text(mx + 72, 77 + 42, L.user, { size: 14, weight: 600 }),
    text(mx + 72, 77 + 62, L.mail, { size: 11, fill: C.muted }),
  );
  out.push(text(mx + 72, 77 + 96, L.viewAccount, { size: 13, fill: C.blue }));
  out.push(
    line(mx + 16, 77 + 130, mx + 220, 77 + 130, { stroke: '#edebe9' }),
    text(mx + 16, 77 + 160, L.signOut, { size: 13 }),
  );
  out.push(highlight(mx + 72, 77 + 82, textWidth(L.viewAccount, 13), 20, 1, L.pills.view, { label: [mx + 40, 330] }));
  out.push('</g>');
  // Arrow
  out.push(
    `<path d="M${fw + 8} 220 h${W - 2 * fw - 22}" stroke="${C.muted}" stroke-width="3"/><path d="M${W - fw - 16} 212 l10 8 l-10 8" fill="none" stroke="${C.muted}" stroke-width="3"/>`,
  );
  // B: myaccount.microsoft.com with the Security info card.
  const bx = W - fw;
  out.push(
    `<g transform="translate(${bx} 0)">${frame(fw, H, 'myaccount.microsoft.com', L.myAccount, { initials: 'AG' })}`,
  );
  // The Security info card spans the width; the others sit below it.
  out.push(rect(20, 96, 380, 124, { rx: 8, fill: '#ffffff', stroke: '#e1dfdd' }));
  out.push(
    `<circle cx="52" cy="128" r="16" fill="#dfe9f6"/>`,
    text(82, 133, at(L.cards, 0), { size: 14, weight: 600 }),
  );
  out.push(bar(82, 146, 260), bar(82, 160, 200));
  out.push(text(82, 200, L.update, { size: 11, weight: 600, fill: C.blue }));
  L.cards.slice(1).forEach((c, i) => {
    const cx = 20 + i * 130;
    out.push(rect(cx, 290, 120, 120, { rx: 8, fill: '#ffffff', stroke: '#e1dfdd' }));
    out.push(
      `<circle cx="${cx + 60}" cy="322" r="14" fill="${C.faint2}"/>`,
      text(cx + 60, 358, c, { size: 12, weight: 600, anchor: 'middle' }),
    );
    out.push(bar(cx + 20, 370, 80), bar(cx + 30, 384, 60));
  });
  out.push(highlight(82, 188, textWidth(L.update, 11, 600), 16, 2, L.pills.update, { label: [82, 238] }));
  out.push('</g>');
  return svgDoc(W, H, L.title, out.join('\n'));
}
