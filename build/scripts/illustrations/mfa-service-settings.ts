import { at, figureLabels } from './figure-labels';
import { bar, button, C, checkbox, highlight, radio, svgDoc, text, type Widen } from './lib';
import { labels as mfa, mfaPage } from './per-user-mfa';
import { textWidth } from './text-metrics';

const own = figureLabels('mfaServiceSettings');
export const labels = { de: { ...mfa.de, ...own.de }, en: { ...mfa.en, ...own.en } };

type Labels = Widen<(typeof labels)['de']>;

export function render(L: Labels): string {
  const W = 880;
  const H = 500;
  const { out, serviceTab } = mfaPage(W, H, L, 1);
  const mx = 220;
  out.push(text(mx, 206, L.section, { size: 14, weight: 600 }));
  out.push(
    radio(mx + 8, 228, true),
    text(mx + 24, 232.5, at(L.allow, 0), { size: 13 }),
    text(mx + 24, 250.5, at(L.allow, 1), { size: 13 }),
  );
  out.push(radio(mx + 8, 276, false), text(mx + 24, 280.5, L.deny, { size: 13, fill: C.muted }));
  out.push(text(mx, 322, L.trusted, { size: 14, weight: 600 }));
  out.push(bar(mx, 334, 360), bar(mx, 348, 300), bar(mx, 364, 420, { h: 26, fill: '#f5f5f5' }));
  out.push(text(mx, 418, L.methods, { size: 14, weight: 600 }));
  for (let i = 0; i < 2; i++) out.push(checkbox(mx, 428 + i * 22, true), bar(mx + 22, 431 + i * 22, 180 + i * 40));
  out.push(button(W - 20 - 96, 440, L.save, { primary: true, w: 96 }));
  out.push(serviceTab(L.pills.tab));
  const allowW = Math.max(textWidth(at(L.allow, 0), 13), textWidth(at(L.allow, 1), 13)) + 28;
  out.push(highlight(mx, 218, allowW, 38, 7, L.pills.allow, { label: [mx + allowW + 20, 224], badge: 'bl' }));
  out.push(highlight(W - 20 - 96, 440, 96, 30, 7, null, { badge: 'tl' }));
  return svgDoc(W, H, L.title, out.join('\n'));
}
