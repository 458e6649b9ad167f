import { bar, button, C, field, highlight, svgDoc, text, type Widen } from './lib';
import { frame } from './page-parts';

// agorum core's own field names are German in both versions: they are what the admin sees in agorum core.
export const labels = {
  de: {
    title:
      'Schema (vereinfacht): Formular des E-Mail-Adapters in agorum core mit den Feldern E-Mail-Host, E-Mail-Benutzer und Passwort',
    pills: { host: 'E-Mail-Host', user: 'E-Mail-Benutzer', pw: 'App-Kennwort einfügen', test: 'Zum Schluss testen' },
    ok: 'Die Verbindung war erfolgreich.',
  },
  en: {
    title:
      'Schematic (simplified): the agorum core mail adapter form with the fields E-Mail-Host, E-Mail-Benutzer (user) and Passwort (password)',
    pills: { host: 'Mail host', user: 'Mail user', pw: 'Paste the app password', test: 'Test at the end' },
    ok: 'Die Verbindung war erfolgreich.',
  },
} as const;

type Labels = Widen<(typeof labels)['de']>;

export function render(L: Labels): string {
  const W = 880;
  const H = 440;
  const out = [frame(W, H, 'agorum core', 'agorum core', { headerFill: '#3c3c3c', initials: 'AD' })];
  out.push(text(40, 116, 'E-Mail-Adapter', { size: 18, weight: 600 }));
  const fx = 200;
  const rows: [string, string][] = [
    ['Name', 'Posteingang Rechnungen'],
    ['E-Mail-Host', 'outlook.office365.com'],
    ['E-Mail-Benutzer', 'agorum-imap@beispiel.de'],
    ['Passwort', '••••••••••••••••'],
  ];
  rows.forEach(([label, value], i) => {
    const y = 140 + i * 50;
    out.push(text(40, y + 20, label, { size: 13, weight: 600, fill: C.muted }), field(fx, y, 320, value));
  });
  out.push(bar(fx, 346, 200, { h: 16, fill: '#f0f0f0' }));
  out.push(button(fx, 384, 'Verbindung testen', { primary: true, w: 164 }));
  out.push(
    `<circle cx="${fx + 190}" cy="399" r="8" fill="${C.ok}"/><path d="M${fx + 186} 399 l3 3 l6 -6" fill="none" stroke="#ffffff" stroke-width="2"/>`,
  );
  out.push(text(fx + 204, 403.5, L.ok, { size: 13, fill: C.ok, weight: 600 }));
  out.push(highlight(fx, 190, 320, 30, 2, L.pills.host, { label: [fx + 350, 192] }));
  out.push(highlight(fx, 240, 320, 30, 3, L.pills.user, { label: [fx + 350, 242] }));
  out.push(highlight(fx, 290, 320, 30, 4, L.pills.pw, { label: [fx + 350, 292] }));
  out.push(highlight(fx, 384, 164, 30, 5, L.pills.test, { label: [24, 386], badge: 'tr' }));
  return svgDoc(W, H, L.title, out.join('\n'));
}
